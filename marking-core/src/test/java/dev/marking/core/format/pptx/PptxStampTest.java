package dev.marking.core.format.pptx;

import static dev.marking.core.format.pptx.PptxReadTest.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.testing.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PptxStampTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private final PptxFormat format = new PptxFormat();

    @TempDir
    Path dir;

    static Marking jimi() {
        return Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(123))
                .withUrgency(Urgency.URGENT);
    }

    private Path deck() {
        return Fixtures.pptx().masterText("公司名称")
                .slide().text("标题页").hidden()
                .slide().text("第二张")
                .slide().text("隐藏背景图形").hideMasterShapes()
                .slideOnLayoutHidingMaster().text("版式隐藏母版")
                .build(dir.resolve("deck.pptx"));
    }

    @Test
    void everySlideShowsTheMarkTheCopyAndTheWatermarkWhereverItsMasterShapesAreHidden() throws Exception {
        Path in = deck();
        byte[] before = Files.readAllBytes(in);
        ReadModel original = format.read(in);
        Path out = dir.resolve("out.pptx");
        StampOptions options = StampOptions.all(jimi(), "doc-1", DAY);
        format.stamp(in, out, options);
        assertArrayEquals(before, Files.readAllBytes(in), "input unchanged");

        ReadModel stamped = format.read(out);
        for (RunningSlot s : stamped.slots()) {
            String where = "slide " + s.unit();
            assertEquals(1, texts(s.header()).stream().filter("机密★5年"::equals).count(), where + texts(s.header()));
            assertEquals(List.of("第000123份"), texts(s.footer()), where);
            assertEquals(List.of("机密★5年 第000123份"), s.watermarks(), where);
        }
        assertEquals(List.of("机密★5年", "公司名称"), texts(stamped.slots().get(1).header()), "master text kept, top down");
        options.metadata().forEach((k, v) -> assertEquals(v, stamped.properties().get(k), k));
        List<String> body = new ArrayList<>(texts(stamped.body()));
        assertEquals(List.of("000123", "机密★5年", "特急"), body.subList(1, 4), "block on the first shown slide, slide 2");
        assertEquals(List.of("标题页", "000123", "机密★5年", "特急", "第二张", "隐藏背景图形", "版式隐藏母版"), body);
        assertEquals(List.of("000123", "机密★5年", "特急", "第二张"), texts(stamped.firstPageTop()));
        assertTrue(texts(original.body()).stream().allMatch(body::contains));
    }

    @Test
    void ourShapesAreNamedAndSitWhereTheSlidesShowThem() throws Exception {
        Path out = dir.resolve("out.pptx");
        format.stamp(deck(), out, StampOptions.all(jimi(), "doc-1", DAY));
        try (InputStream is = Files.newInputStream(out); XMLSlideShow ppt = new XMLSlideShow(is)) {
            XSLFSlideMaster master = ppt.getSlideMasters().get(0);
            assertEquals(List.of("marking.watermark", "marking.header", "marking.footer"), ours(master));
            List<String> layoutsWithOurs = Arrays.stream(master.getSlideLayouts()).filter(l -> !ours(l).isEmpty())
                    .map(XSLFSlideLayout::getName).toList();
            assertEquals(List.of("Title Only"), layoutsWithOurs, "only the layout that hides its master");
            assertEquals(List.of(), ours(ppt.getSlides().get(0)), "a hidden slide gets no block");
            assertEquals(List.of("marking.block"), ours(ppt.getSlides().get(1)));
            assertEquals(List.of("marking.watermark", "marking.header", "marking.footer"), ours(ppt.getSlides().get(2)));
            assertEquals("marking.watermark", ppt.getSlides().get(2).getShapes().get(0).getShapeName(),
                    "the watermark behind the slide's own content");
        }
    }

    @Test
    void restampingReplacesOurShapes() throws Exception {
        Path once = dir.resolve("once.pptx");
        format.stamp(deck(), once, StampOptions.all(jimi(), "d", DAY));
        Path twice = dir.resolve("twice.pptx");
        Marking mimi = Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1));
        format.stamp(once, twice, StampOptions.all(mimi, "d", DAY));
        ReadModel m = format.read(twice);
        for (RunningSlot s : m.slots()) {
            assertFalse(texts(s.header()).contains("机密★5年"), "slide " + s.unit());
            assertEquals(1, texts(s.header()).stream().filter("秘密★1年"::equals).count(), "slide " + s.unit());
            assertEquals(List.of(), texts(s.footer()), "no copy number any more");
            assertEquals(List.of("秘密★1年"), s.watermarks());
        }
        assertEquals(List.of("标题页", "秘密★1年", "第二张", "隐藏背景图形", "版式隐藏母版"), texts(m.body()));
    }

    @Test
    void switchedOffPartsAreNotWritten() throws Exception {
        Path out = dir.resolve("out.pptx");
        format.stamp(deck(), out, new StampOptions(jimi(), "d", DAY, false, false, true, Optional.empty()));
        for (RunningSlot s : format.read(out).slots()) {
            assertFalse(texts(s.header()).contains("机密★5年"));
            assertEquals(List.of(), texts(s.footer()));
            assertEquals(List.of("机密★5年 第000123份"), s.watermarks());
        }
    }

    @Test
    void damagedAndForeignPackagesAreRefusedInOneLine() throws Exception {
        Path plain = Fixtures.pptx().slide().text("x").build(dir.resolve("plain.pptx"));
        Path truncated = Files.write(dir.resolve("cut.pptx"), Arrays.copyOf(Files.readAllBytes(plain), 1200));
        Path xlsx = Fixtures.xlsx().cell("A1", "x").build(dir.resolve("really-a-workbook.pptx"));
        for (Path bad : List.of(truncated, xlsx)) {
            DocumentException e = assertThrows(DocumentException.class, () -> format.read(bad));
            assertEquals(Kind.UNREADABLE, e.kind(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertEquals(Kind.UNREADABLE, assertThrows(DocumentException.class,
                    () -> format.stamp(bad, dir.resolve("never.pptx"), StampOptions.all(jimi(), "d", DAY))).kind());
        }
    }

    private static List<String> ours(XSLFSheet sheet) {
        return sheet.getShapes().stream().map(XSLFShape::getShapeName).filter(OurShapes::isOurs).toList();
    }
}
