package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.scan.FileResult;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.Verify;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small built documents and the exact read model they give. */
class DocxReadTest {

    private final DocxFormat format = new DocxFormat();

    @TempDir
    Path tmp;

    @Test
    void bodyInReadingOrderWithTablesAndSections() throws Exception {
        Path f = Fixtures.docx().paragraph("第一段").table("甲", "乙").section().paragraph("第二节")
                .build(tmp.resolve("a.docx"));
        ReadModel m = format.read(f);
        assertEquals("docx", m.format());
        assertEquals(Unit.SECTION, m.unit());
        List<TextBlock> body = List.of(block("第一段", 1, 1), block("甲", 1, 2), block("乙", 1, 3), block("第二节", 2, 5));
        assertEquals(body, m.body());
        assertEquals(body, m.firstPageTop());
    }

    @Test
    void firstPageTopIsTheFirstSixNonEmptyParagraphs() throws Exception {
        Path f = Fixtures.docx().paragraph("1").paragraph(" ").paragraph("2").paragraph("3").paragraph("4")
                .paragraph("5").paragraph("6").paragraph("7").build(tmp.resolve("a.docx"));
        List<String> top = format.read(f).firstPageTop().stream().map(TextBlock::text).toList();
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), top);
    }

    @Test
    void hiddenTextDeletionsInsertionsAndComments() throws Exception {
        Path f = Fixtures.docx().hiddenText("可见", "隐藏").tracked("保留", "删除的", "插入的").comment("有批注", "批注内容")
                .build(tmp.resolve("a.docx"));
        ReadModel m = format.read(f);
        assertEquals(List.of(block("可见", 1, 1), block("保留插入的", 1, 2), block("有批注", 1, 3)), m.body());
        assertEquals(List.of(
                new HiddenItem(HiddenKind.HIDDEN_TEXT, "隐藏", body(1, 1).withColumn(3)),
                new HiddenItem(HiddenKind.DELETION, "删除的", body(1, 2).withColumn(3)),
                new HiddenItem(HiddenKind.INSERTION, "插入的", body(1, 2).withColumn(3)),
                new HiddenItem(HiddenKind.COMMENT, "批注内容", body(1, 3))), m.hidden());
    }

    @Test
    void slotsFollowWordsHeaderInheritance() throws Exception {
        Path f = Fixtures.docx().header("甲页眉").footer("甲页脚").paragraph("一")
                .section().titlePage().paragraph("二")
                .section().firstHeader("丙首页").evenHeader("丙偶数").paragraph("三")
                .build(tmp.resolve("a.docx"));
        List<RunningSlot> expected = List.of(
                slot(1, "default", "甲页眉", "甲页脚"),
                slot(1, "even", null, null),
                slot(2, "default", "甲页眉", "甲页脚"),
                slot(2, "first", null, null),
                slot(2, "even", null, null),
                slot(3, "default", "甲页眉", "甲页脚"),
                slot(3, "first", "丙首页", null),
                slot(3, "even", "丙偶数", null));
        assertEquals(expected, format.read(f).slots());
    }

    @Test
    void propertiesCustomAndCore() throws Exception {
        Path f = Fixtures.docx().property("project", "海鹰").property("marking.level", "秘密").author("张三", "某研究所")
                .paragraph("x")
                .build(tmp.resolve("a.docx"));
        ReadModel m = format.read(f);
        assertEquals("海鹰", m.properties().get("project"));
        assertEquals("秘密", m.properties().get("marking.level"));
        assertEquals("张三", m.properties().get("core.creator"));
        assertEquals("某研究所", m.properties().get("core.company"));
    }

    @Test
    void vmlWatermarkIsReadFromTheHeader() throws Exception {
        Path f = tmp.resolve("wm.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            doc.createParagraph().createRun().setText("正文");
            doc.createHeaderFooterPolicy().createWatermark("秘密★1年");
            doc.write(out);
        }
        List<RunningSlot> slots = format.read(f).slots();
        assertEquals(1, slots.size());
        assertEquals(List.of("秘密★1年"), slots.get(0).watermarks());
        assertTrue(slots.get(0).header().isEmpty(), "the shape's text is not header text");
    }

    @Test
    void documentWithoutBodySectPrHasOneImplicitSection() throws Exception {
        ReadModel m = format.read(Corpus.file("docx/poi_MultipleBodyBug.docx"));
        assertEquals(3, m.body().size());
        assertTrue(m.body().get(2).text().startsWith("START BODY 3"));
        assertEquals(List.of(new RunningSlot(1, SlotType.DEFAULT, List.of(), List.of(), List.of())), m.slots());
    }

    @Test
    void supportsDocxByName() {
        assertTrue(format.supports(Path.of("a/b/Report.DOCX")));
        assertFalse(format.supports(Path.of("a.doc")));
        assertFalse(format.supports(Path.of("a.pdf")));
        assertEquals("docx", format.id());
    }

    private static RunningSlot slot(int section, String type, String header, String footer) {
        List<TextBlock> h = header == null ? List.of()
                : List.of(new TextBlock(header, new Location("header:" + type, section, 0, 1, 0, 0)));
        List<TextBlock> f = footer == null ? List.of()
                : List.of(new TextBlock(footer, new Location("footer:" + type, section, 0, 1, 0, 0)));
        return new RunningSlot(section, SlotType.of(type), h, f, List.of());
    }

    static TextBlock block(String text, int section, int paragraph) {
        return new TextBlock(text, body(section, paragraph));
    }

    static Location body(int section, int paragraph) {
        return new Location("body", section, 0, paragraph, 0, 0);
    }

    @Test
    void aWatermarkWhoseShapeTypeIsDefinedInAnotherHeaderOnlyIsReportedMissing() throws Exception {
        Path in = Fixtures.docx().header("甲页眉").paragraph("一").section().header("乙页眉").paragraph("二")
                .build(tmp.resolve("in.docx"));
        Path stamped = tmp.resolve("stamped.docx");
        format.stamp(in, stamped, StampOptions.all(Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)),
                "d", LocalDate.of(2026, 11, 23)));
        assertEquals(List.of(), Verify.rules(Verify.check(stamped)), "stamped: clean");
        // The VML form alone (stamps before the DrawingML watermark), as a LibreOffice save leaves it: the shape type in
        // the first header part that uses it, the other parts' shapes refer to it ("_x0000_t136", no "#").
        Path saved = tmp.resolve("saved.docx");
        boolean first = true;
        try (ZipFile zip = new ZipFile(stamped.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(saved))) {
            for (ZipEntry e : Collections.list(zip.entries()).stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().matches("word/header\\d+\\.xml") && xml.contains("<v:shapetype")) {
                    xml = xml.replaceAll("<mc:AlternateContent[^>]*><mc:Choice.*?</mc:Choice><mc:Fallback>(.*?)</mc:Fallback>"
                            + "</mc:AlternateContent>", "$1");
                    xml = first ? xml : xml.replaceAll("<v:shapetype .*?</v:shapetype>", "")
                            .replace("type=\"#_x0000_t136\"", "type=\"_x0000_t136\"");
                    first = false;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(xml.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        assertFalse(first, "the stamp wrote a shape type");
        FileResult r = Verify.check(saved);
        List<Finding> incomplete = Verify.findings(r, "marking.incomplete");
        assertEquals(1, incomplete.size(), Verify.rules(r).toString());
        assertTrue(incomplete.get(0).message().startsWith("the watermark is missing in "), incomplete.get(0).message());
        assertEquals(1, format.read(saved).slots().stream().filter(s -> !s.watermarks().isEmpty()).count());
    }
}
