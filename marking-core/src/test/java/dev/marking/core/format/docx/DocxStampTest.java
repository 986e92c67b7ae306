package dev.marking.core.format.docx;

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
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.testing.Fixtures;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stamping built documents: what is added, what is kept, and that a restamp replaces. */
class DocxStampTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private final DocxFormat format = new DocxFormat();

    @TempDir
    Path tmp;

    private static Marking jimi() {
        return Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(123))
                .withUrgency(Urgency.PRIORITY);
    }

    private static Marking mimi() {
        return Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1));
    }

    private Path sections() {
        return Fixtures.docx().header("甲页眉").footer("甲页脚").paragraph("一")
                .section().titlePage().paragraph("二")
                .section().firstHeader("丙首页").evenHeader("丙偶数").paragraph("三")
                .property("project", "海鹰").property("marking.old", "旧值")
                .build(tmp.resolve("in.docx"));
    }

    @Test
    void stampsBlockEverySlotAndMetadataKeepingUserContent() throws Exception {
        Path in = sections();
        String hash = StampAssertions.sha256(in);
        StampOptions options = StampOptions.all(jimi(), "doc-7", DAY);
        Path out = tmp.resolve("out.docx");
        format.stamp(in, out, options);
        assertEquals(hash, StampAssertions.sha256(in), "input unchanged");

        ReadModel m = format.read(out);
        assertEquals(List.of(DocxReadTest.block("000123", 1, 1), DocxReadTest.block("机密★5年", 1, 2),
                DocxReadTest.block("加急", 1, 3), DocxReadTest.block("一", 1, 4)), m.firstPageTop().subList(0, 4));
        RunningSlot first = m.slots().get(0);
        assertEquals(List.of(header("机密★5年", 1, "default", 1), header("甲页眉", 1, "default", 2)), first.header());
        assertEquals(List.of("机密★5年 第000123份"), first.watermarks());
        assertEquals(List.of("第000123份", "甲页脚"), first.footer().stream().map(TextBlock::text).toList());
        for (RunningSlot s : m.slots()) {
            assertEquals("机密★5年", s.header().get(0).text(), StampAssertions.where(s));
            assertEquals(List.of("机密★5年 第000123份"), s.watermarks(), StampAssertions.where(s));
        }
        assertEquals(8, m.slots().size());
        assertEquals("海鹰", m.properties().get("project"));
        assertFalse(m.properties().containsKey("marking.old"), "previous marking.* properties are replaced");
        assertEquals("机密", m.properties().get("marking.level"));
        assertEquals("000123", m.properties().get("marking.copy"));
        assertEquals("doc-7", m.properties().get("marking.id"));
        StampAssertions.assertStampedCopy(format.read(in), m, options);
    }

    @Test
    void rulesSeeTheStampedMarkingEverywhere() throws Exception {
        Path out = tmp.resolve("out.docx");
        format.stamp(sections(), out, StampOptions.all(jimi(), "doc-7", DAY));
        ReadModel m = format.read(out);
        MarkingEvidence evidence = MarkingEvidence.of(m, MarkingParser.standard());
        assertEquals(1, evidence.block().size());
        assertEquals(m.slots().size(), evidence.headers().size(), "one running mark per slot");
        assertEquals(m.slots().size(), evidence.watermarks().size(), "one watermark per slot");
        assertEquals(Optional.of("000123"), evidence.watermarks().get(0).copyText());
        Marking resolved = evidence.resolved().orElseThrow();
        assertEquals("机密★5年", resolved.mark());
        assertEquals(Optional.of(new CopyNumber(123)), resolved.copy());
        assertEquals(Optional.of(Urgency.PRIORITY), resolved.urgency());
        assertTrue(evidence.metadata().isPresent());
    }

    @Test
    void restampReplacesEverything() throws Exception {
        Path in = sections();
        Path once = tmp.resolve("once.docx");
        Path twice = tmp.resolve("twice.docx");
        format.stamp(in, once, StampOptions.all(jimi(), "doc-7", DAY));
        StampOptions second = StampOptions.all(mimi(), "doc-7", DAY);
        format.stamp(once, twice, second);
        ReadModel m = format.read(twice);
        StampAssertions.assertStampedCopy(format.read(in), m, second);
        assertFalse(m.bodyText().contains("机密"), "old block gone");
        assertFalse(m.bodyText().contains("000123"), "old copy number gone");
        for (RunningSlot s : m.slots()) {
            assertTrue(s.footer().stream().noneMatch(b -> b.text().contains("000123")), "old footer gone");
        }
        assertEquals(Optional.empty(), Optional.ofNullable(m.properties().get("marking.copy")));
    }

    @Test
    void additionsCanBeSwitchedOff() throws Exception {
        Path in = sections();
        Path out = tmp.resolve("out.docx");
        StampOptions none = new StampOptions(jimi(), "d", DAY, false, false, false, Optional.empty());
        format.stamp(in, out, none);
        StampAssertions.assertStampedCopy(format.read(in), format.read(out), none);
        StampOptions onlyWatermark = new StampOptions(jimi(), "d", DAY, false, false, true, Optional.empty());
        Path again = tmp.resolve("again.docx");
        format.stamp(out, again, onlyWatermark);
        StampAssertions.assertStampedCopy(format.read(in), format.read(again), onlyWatermark);
    }

    @Test
    void documentWithoutHeadersGetsThemCreated() throws Exception {
        Path in = Fixtures.docx().titlePage().header("页眉").evenAndOddHeaders().paragraph("正文")
                .build(tmp.resolve("in.docx"));
        Path out = tmp.resolve("out.docx");
        StampOptions options = StampOptions.all(jimi(), "d", DAY);
        format.stamp(in, out, options);
        List<RunningSlot> slots = format.read(out).slots();
        assertEquals(List.of(SlotType.DEFAULT, SlotType.FIRST, SlotType.EVEN), slots.stream().map(RunningSlot::type).toList());
        for (RunningSlot s : slots) {
            List<String> own = s.type() == SlotType.DEFAULT ? List.of("机密★5年", "页眉") : List.of("机密★5年");
            assertEquals(own, s.header().stream().map(TextBlock::text).toList());
            assertEquals(List.of("第000123份"), s.footer().stream().map(TextBlock::text).toList());
            assertEquals(1, s.watermarks().size());
        }
    }

    /**
     * A first section whose different first page shows nothing different (no first or default header or footer)
     * loses {@code w:titlePg} when odd and even pages differ: its first page shows the default header, the same
     * mark, and LibreOffice keeps the even header through a save (DocxLibreOfficeTest). Without odd and even
     * pages, or in a later section, the flag stays.
     */
    @Test
    void blankDifferentFirstPageOfTheFirstSectionIsDropped() throws Exception {
        Path in = Fixtures.docx().titlePage().evenAndOddHeaders().paragraph("封面").section().titlePage()
                .paragraph("正文").build(tmp.resolve("in.docx"));
        Path out = tmp.resolve("out.docx");
        format.stamp(in, out, StampOptions.all(jimi(), "d", DAY));
        List<RunningSlot> slots = format.read(out).slots();
        assertEquals(List.of("1 DEFAULT", "1 EVEN", "2 DEFAULT", "2 FIRST", "2 EVEN"),
                slots.stream().map(s -> s.unit() + " " + s.type().name()).toList());
        for (RunningSlot s : slots) {
            assertEquals(List.of("机密★5年"), s.header().stream().map(TextBlock::text).toList());
            assertEquals(1, s.watermarks().size());
        }
        assertEquals(1, count(entry(out, "word/document.xml"), "<w:titlePg"));

        Path noEvenPages = Fixtures.docx().titlePage().paragraph("封面").build(tmp.resolve("odd.docx"));
        format.stamp(noEvenPages, tmp.resolve("odd-out.docx"), StampOptions.all(jimi(), "d", DAY));
        assertEquals(List.of(SlotType.DEFAULT, SlotType.FIRST),
                format.read(tmp.resolve("odd-out.docx")).slots().stream().map(RunningSlot::type).toList());
    }

    @Test
    void userWatermarkIsKeptBesideOurs() throws Exception {
        Path in = tmp.resolve("wm.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream o = Files.newOutputStream(in)) {
            doc.createParagraph().createRun().setText("正文");
            doc.createHeaderFooterPolicy().createWatermark("草稿");
            doc.write(o);
        }
        Path out = tmp.resolve("out.docx");
        StampOptions options = StampOptions.all(jimi(), "d", DAY);
        format.stamp(in, out, options);
        ReadModel m = format.read(out);
        assertEquals(List.of("机密★5年 第000123份", "草稿"), m.slots().get(0).watermarks());
        StampAssertions.assertStampedCopy(format.read(in), m, options);
    }

    @Test
    void brokenHeaderReferenceIsReplaced() throws Exception {
        Path in = tmp.resolve("broken.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream o = Files.newOutputStream(in)) {
            doc.createParagraph().createRun().setText("正文");
            CTHdrFtrRef ref = doc.getDocument().getBody().addNewSectPr().addNewHeaderReference();
            ref.setType(STHdrFtr.DEFAULT);
            ref.setId("rId999");
            doc.write(o);
        }
        assertEquals(List.of(), format.read(in).slots().get(0).header());
        Path out = tmp.resolve("out.docx");
        format.stamp(in, out, StampOptions.all(jimi(), "d", DAY));
        assertEquals(List.of(header("机密★5年", 1, "default", 1)), format.read(out).slots().get(0).header());
        assertEquals(1, count(entry(out, "word/document.xml"), "<w:headerReference"));
    }

    @Test
    void fontTableDeclaresHeitiOnce() throws Exception {
        Path once = tmp.resolve("once.docx");
        Path twice = tmp.resolve("twice.docx");
        format.stamp(sections(), once, StampOptions.all(jimi(), "d", DAY));
        format.stamp(once, twice, StampOptions.all(mimi(), "d", DAY));
        String fonts = entry(twice, "word/fontTable.xml");
        assertEquals(1, count(fonts, "w:name=\"黑体\""), fonts);
        assertTrue(fonts.contains("<w:altName w:val=\"SimHei\"/>"), fonts);
    }

    private static String entry(Path docx, String name) throws Exception {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            ZipEntry e = zip.getEntry(name);
            assertTrue(e != null, name + " missing");
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int count(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void notADocxIsUnreadable() throws Exception {
        Path text = Files.writeString(tmp.resolve("text.docx"), "hello, not a zip", StandardCharsets.UTF_8);
        Path empty = Files.write(tmp.resolve("empty.docx"), new byte[0]);
        Path zip = tmp.resolve("zip.docx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("no word document here".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        for (Path f : List.of(text, empty, zip)) {
            DocumentException e = assertThrows(DocumentException.class, () -> format.read(f));
            assertEquals(Kind.UNREADABLE, e.kind(), f + ": " + e.getMessage());
            assertEquals(f, e.file());
            DocumentException s = assertThrows(DocumentException.class,
                    () -> format.stamp(f, tmp.resolve("x.docx"), StampOptions.all(jimi(), "d", DAY)));
            assertEquals(Kind.UNREADABLE, s.kind(), f + ": " + s.getMessage());
        }
    }

    @Test
    void writeFailureIsReported() throws Exception {
        Path in = sections();
        Path target = tmp.resolve("no-such-dir/out.docx");
        DocumentException e = assertThrows(DocumentException.class,
                () -> format.stamp(in, target, StampOptions.all(jimi(), "d", DAY)));
        assertTrue(e.getMessage().startsWith("cannot write"), e.getMessage());
        assertEquals(target, e.file());
    }

    private static TextBlock header(String text, int section, String type, int paragraph) {
        return new TextBlock(text, new Location("header:" + type, section, 0, paragraph, 0, 0));
    }
}
