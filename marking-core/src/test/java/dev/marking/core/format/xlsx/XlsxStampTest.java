package dev.marking.core.format.xlsx;

import static dev.marking.core.format.xlsx.XlsxReadTest.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.testing.Fixtures;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxStampTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private final XlsxFormat format = new XlsxFormat();

    @TempDir
    Path dir;

    static Marking jimi() {
        return Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(123))
                .withUrgency(Urgency.URGENT);
    }

    static Marking mimi() {
        return Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1));
    }

    private Path workbook() {
        return Fixtures.xlsx()
                .sheet("Sheet1").cell("A1", "表头").cell("C7", "数据").header("&L左&C中&R右").footer("&C第&P页")
                .sheet("Sheet2").cell("A1", "二").header("&C默认").firstHeader("&C首页").evenHeader("&R偶数")
                .sheet("Sheet3").cell("A1", "藏").hidden()
                .build(dir.resolve("book.xlsx"));
    }

    @Test
    void everyShownVariantOfEverySheetCarriesTheMarkCopyAndWatermarkAboveTheUsersText() throws Exception {
        Path in = workbook();
        byte[] before = Files.readAllBytes(in);
        ReadModel original = format.read(in);
        Path out = dir.resolve("out.xlsx");
        StampOptions options = StampOptions.all(jimi(), "doc-1", DAY);
        format.stamp(in, out, options);
        assertArrayEquals(before, Files.readAllBytes(in), "input unchanged");

        ReadModel stamped = format.read(out);
        assertEquals(keys(original), keys(stamped), "the same sheets and header variants");
        for (int i = 0; i < original.slots().size(); i++) {
            RunningSlot was = original.slots().get(i);
            RunningSlot now = stamped.slots().get(i);
            String where = now.where().describe() + " " + now.type();
            assertEquals(concat(List.of("机密★5年"), texts(was.header())), texts(now.header()), where);
            assertEquals(concat(List.of("第000123份"), texts(was.footer())), texts(now.footer()), where);
            assertEquals(List.of("机密★5年 第000123份"), now.watermarks(), where);
        }
        assertEquals(texts(original.body()), texts(stamped.body()), "cells untouched");
        options.metadata().forEach((k, v) -> assertEquals(v, stamped.properties().get(k), k));
        assertEquals(1, media(out), "one watermark picture shared by every sheet");
    }

    @Test
    void theBlockGoesIntoTheFirstPageHeaderOfTheFirstSheetOnlyWhenAsked() throws Exception {
        Path in = workbook();
        Path plain = dir.resolve("plain.xlsx");
        format.stamp(in, plain, StampOptions.all(jimi(), "d", DAY));
        ReadModel p = format.read(plain);
        assertFalse(p.slots().stream().anyMatch(s -> s.unit() == 1 && s.type() == SlotType.FIRST), "no first page of its own");
        assertEquals(List.of("表头", "数据"), texts(p.firstPageTop()));

        Path block = dir.resolve("block.xlsx");
        format.stamp(in, block, StampOptions.all(jimi(), "d", DAY).withBlock(true));
        ReadModel b = format.read(block);
        RunningSlot first = b.slots().stream().filter(s -> s.unit() == 1 && s.type() == SlotType.FIRST).findFirst()
                .orElseThrow();
        assertEquals(List.of("000123", "机密★5年", "特急", "左", "中", "右"), texts(first.header()));
        assertEquals(List.of("第000123份", "第#页"), texts(first.footer()), "the first page keeps the user's footer");
        assertEquals(List.of("机密★5年 第000123份"), first.watermarks());
        assertEquals(List.of("000123", "机密★5年", "特急", "左", "中", "右", "表头", "数据"), texts(b.firstPageTop()));
        assertEquals(texts(p.body()), texts(b.body()), "no rows inserted: the cells are where they were");
        RunningSlot sheet2First = b.slots().stream().filter(s -> s.unit() == 2 && s.type() == SlotType.FIRST).findFirst()
                .orElseThrow();
        assertEquals(List.of("机密★5年", "首页"), texts(sheet2First.header()), "only the first sheet gets the block");
    }

    @Test
    void restampingReplacesOursAndAMarkTypedByHand() throws Exception {
        Path in = Fixtures.xlsx().cell("A1", "x").header("&L手写&C机密&R右").footer("&C第000007份\n页脚")
                .build(dir.resolve("hand.xlsx"));
        Path once = dir.resolve("once.xlsx");
        format.stamp(in, once, StampOptions.all(jimi(), "d", DAY).withBlock(true));
        Path twice = dir.resolve("twice.xlsx");
        format.stamp(once, twice, StampOptions.all(mimi(), "d", DAY));
        ReadModel m = format.read(twice);
        for (RunningSlot s : m.slots()) {
            assertEquals(List.of("秘密★1年", "手写", "右"), texts(s.header()), s.type().id());
            assertEquals(List.of("页脚"), texts(s.footer()), "no copy line: the new marking has no copy number");
            assertEquals(List.of("秘密★1年"), s.watermarks());
        }
        assertEquals(1, media(twice), "the old watermark picture is gone");
        assertEquals(null, m.properties().get("marking.copy"));
        assertEquals("秘密", m.properties().get("marking.level"));
    }

    @Test
    void aChartSheetIsStampedLikeAWorksheet() throws Exception {
        Path in = Fixtures.xlsx().cell("A1", "数据").chartSheet("图表", "&C图表页眉").build(dir.resolve("chart.xlsx"));
        ReadModel original = format.read(in);
        assertEquals(List.of("图表页眉"), texts(original.slots().get(1).header()));
        Path out = dir.resolve("out.xlsx");
        format.stamp(in, out, StampOptions.all(jimi(), "d", DAY));
        RunningSlot chart = format.read(out).slots().get(1);
        assertEquals("sheet 图表", chart.where().describe());
        assertEquals(List.of("机密★5年", "图表页眉"), texts(chart.header()));
        assertEquals(List.of("第000123份"), texts(chart.footer()));
        assertEquals(List.of("机密★5年 第000123份"), chart.watermarks());
    }

    @Test
    void switchedOffPartsAreNotWritten() throws Exception {
        Path in = Fixtures.xlsx().cell("A1", "x").header("&C页眉").build(dir.resolve("in.xlsx"));
        Path out = dir.resolve("out.xlsx");
        format.stamp(in, out, new StampOptions(jimi(), "d", DAY, true, false, false, Optional.empty()));
        RunningSlot s = format.read(out).slots().get(0);
        assertEquals(List.of("机密★5年", "页眉"), texts(s.header()));
        assertEquals(List.of(), texts(s.footer()));
        assertEquals(List.of(), s.watermarks());
        assertEquals(0, media(out));
    }

    @Test
    void aHeaderExcelCouldNotHoldIsRefused() throws Exception {
        Path in = Fixtures.xlsx().cell("A1", "x").header("&L" + "长".repeat(250)).build(dir.resolve("long.xlsx"));
        DocumentException e = assertThrows(DocumentException.class,
                () -> format.stamp(in, dir.resolve("x.xlsx"), StampOptions.all(jimi(), "d", DAY)));
        assertEquals(Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("Sheet1") && e.getMessage().contains("255"), e.getMessage());
    }

    @Test
    void encryptedDamagedAndForeignPackagesAreRefusedInOneLine() throws Exception {
        Path plain = Fixtures.xlsx().cell("A1", "x").build(dir.resolve("plain.xlsx"));
        Path locked = dir.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }
        assertEquals(Kind.ENCRYPTED, assertThrows(DocumentException.class, () -> format.read(locked)).kind());
        Path truncated = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(Files.readAllBytes(plain), 900));
        Path docx = Fixtures.docx().paragraph("正文").build(dir.resolve("really-a-docx.xlsx"));
        for (Path bad : List.of(truncated, docx)) {
            DocumentException read = assertThrows(DocumentException.class, () -> format.read(bad));
            assertEquals(Kind.UNREADABLE, read.kind(), read.getMessage());
            assertFalse(read.getMessage().contains("\n"), read.getMessage());
            DocumentException stamp = assertThrows(DocumentException.class,
                    () -> format.stamp(bad, dir.resolve("never.xlsx"), StampOptions.all(jimi(), "d", DAY)));
            assertEquals(Kind.UNREADABLE, stamp.kind());
        }
        assertTrue(assertThrows(DocumentException.class, () -> format.read(docx)).getMessage()
                .contains("without an Excel workbook part"));
    }

    private static List<String> keys(ReadModel m) {
        return m.slots().stream().map(s -> s.unit() + ":" + s.type()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static long media(Path xlsx) throws Exception {
        try (ZipFile z = new ZipFile(xlsx.toFile())) {
            return z.stream().filter(e -> e.getName().startsWith("xl/media/")).count();
        }
    }
}
