package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.StampStyle;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restamp replaces every earlier marking (DESIGN §1.3), whoever wrote it: what a LibreOffice save left
 * of our older content controls, a hand-typed block or 版头 form table, header lines that only say a
 * mark, marking watermarks. And the details of issue 15: even headers of a file whose settings part
 * starts with a byte order mark, a header at the paper's edge, a long recipient's watermark.
 */
class DocxEarlierMarksTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private final DocxFormat format = new DocxFormat();

    @TempDir
    Path tmp;

    private static StampOptions jimi() {
        return StampOptions.all(Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(7)), "d", DAY);
    }

    @Test
    void whatLibreOfficeLeftOfAnOlderStampIsReplaced() throws Exception {
        // a stamp of the content-control kind after a LibreOffice save: tags gone, inline controls with our
        // aliases, text repeated; the block's mark and urgency lines lost their control altogether
        String header = "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr><w:sdt><w:sdtPr><w:alias w:val=\"密级标志\"/>"
                + "</w:sdtPr><w:sdtContent><w:r><w:t>秘密★1年</w:t><w:t>秘密★</w:t></w:r></w:sdtContent></w:sdt>"
                + "<w:sdt><w:sdtPr><w:alias w:val=\"密级标志\"/></w:sdtPr><w:sdtContent><w:r><w:t>1年</w:t></w:r>"
                + "</w:sdtContent></w:sdt></w:p><w:p><w:r><w:t>单位页眉</w:t></w:r></w:p>";
        String footer = "<w:p><w:sdt><w:sdtPr><w:alias w:val=\"份号\"/></w:sdtPr><w:sdtContent><w:r><w:t>第000003份第</w:t>"
                + "</w:r></w:sdtContent></w:sdt></w:p><w:p><w:r><w:t>Y</w:t></w:r></w:p>";
        String block = "<w:p><w:sdt><w:sdtPr><w:alias w:val=\"密级和保密期限\"/></w:sdtPr><w:sdtContent><w:r><w:t>000003</w:t>"
                + "</w:r></w:sdtContent></w:sdt></w:p><w:p><w:r><w:t>秘密★1年</w:t></w:r></w:p>";
        Path in = Fixtures.docx().header("X").footer("Y").paragraph("正文").build(tmp.resolve("in.docx"));
        Path resaved = rewrite(in, Map.of(
                "word/header1.xml", x -> x.replaceFirst("<w:p>.*</w:p>", header),
                "word/footer1.xml", x -> x.replaceFirst("<w:p>.*</w:p>", footer),
                "word/document.xml", x -> x.replaceFirst("<w:body>", "<w:body>" + block)));
        Path out = tmp.resolve("out.docx");
        format.stamp(resaved, out, jimi());
        ReadModel m = format.read(out);
        assertEquals(List.of("000007", "机密★5年", "正文"), m.body().stream().map(TextBlock::text).toList());
        RunningSlot slot = m.slots().get(0);
        assertEquals(List.of("机密★5年", "单位页眉"), slot.header().stream().map(TextBlock::text).toList());
        assertEquals(List.of("第000007份", "Y"), slot.footer().stream().map(TextBlock::text).toList());
    }

    @Test
    void handTypedHeaderMarkAndMarkingWatermarkAreReplaced() throws Exception {
        Path in = tmp.resolve("in.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream o = Files.newOutputStream(in)) {
            doc.createParagraph().createRun().setText("正文");
            var policy = doc.createHeaderFooterPolicy();
            policy.createWatermark("秘密");
            policy.getDefaultHeader().createParagraph().createRun().setText("秘密★5年");
            policy.getDefaultHeader().createParagraph().createRun().setText("某单位");
            doc.write(o);
        }
        Path out = tmp.resolve("out.docx");
        format.stamp(in, out, jimi());
        RunningSlot slot = format.read(out).slots().get(0);
        assertEquals(List.of("机密★5年", "某单位"), slot.header().stream().map(TextBlock::text).toList());
        assertEquals(List.of("机密★5年 第000007份"), slot.watermarks());
    }

    @Test
    void aFormTableOfNothingButTheMarkGoes() throws Exception {
        Path in = Fixtures.docx().table("密级", "秘密", "保密期限", "5年").paragraph("正文").build(tmp.resolve("in.docx"));
        Path out = tmp.resolve("out.docx");
        format.stamp(in, out, jimi());
        assertEquals(List.of("000007", "机密★5年", "正文"), format.read(out).body().stream().map(TextBlock::text).toList());
    }

    @Test
    void aLargerFormTableGetsTheNewLevelAndTerm() throws Exception {
        Path in = Fixtures.docx().table("发文单位", "某研究所", "密级", "秘密", "保密期限", "1年").paragraph("正文")
                .build(tmp.resolve("in.docx"));
        Path out = tmp.resolve("out.docx");
        format.stamp(in, out, jimi());
        List<String> body = format.read(out).body().stream().map(TextBlock::text).toList();
        assertEquals(List.of("000007", "机密★5年", "发文单位", "某研究所", "密级", "机密", "保密期限", "5年", "正文"), body);
    }

    @Test
    void evenHeadersOfAFileWhoseSettingsStartWithAByteOrderMark() throws Exception {
        Path plain = Fixtures.docx().evenAndOddHeaders().header("页眉").paragraph("正文").build(tmp.resolve("plain.docx"));
        Path bom = rewrite(plain, Map.of("word/settings.xml", x -> "\uFEFF" + x));
        Path out = tmp.resolve("out.docx");
        format.stamp(bom, out, jimi());
        List<RunningSlot> slots = format.read(out).slots();
        assertEquals(List.of(SlotType.DEFAULT, SlotType.EVEN), slots.stream().map(RunningSlot::type).toList());
        for (RunningSlot s : slots) {
            assertEquals("机密★5年", s.header().get(0).text(), s.type() + " header");
            assertEquals(1, s.watermarks().size(), s.type() + " watermark");
        }
    }

    @Test
    void aHeaderAtThePaperEdgeMovesToAPrintableDistance() throws Exception {
        Path in = Fixtures.docx().header("页眉").paragraph("正文").build(tmp.resolve("in.docx"));
        Path edge = rewrite(in, Map.of("word/document.xml",
                x -> x.replace("</w:sectPr>", "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\""
                        + " w:header=\"0\" w:footer=\"100\" w:gutter=\"0\"/></w:sectPr>")));
        Path out = tmp.resolve("out.docx");
        format.stamp(edge, out, jimi());
        String xml = entry(out, "word/document.xml");
        int min = Math.round(StampStyle.EDGE_PT * 20);
        assertTrue(xml.contains("w:header=\"" + min + "\"") && xml.contains("w:footer=\"" + min + "\""), xml);
    }

    @Test
    void aLongRecipientWrapsAndTheWatermarkKeepsItsSize() throws Exception {
        Path in = Fixtures.docx().paragraph("正文").build(tmp.resolve("in.docx"));
        StampOptions shortName = jimi().withMarking(jimi().marking().withRecipient("张三"));
        StampOptions longName = jimi().withMarking(jimi().marking().withRecipient("国家某某研究院第三研究所第二研究室档案科"));
        Path a = tmp.resolve("a.docx");
        Path b = tmp.resolve("b.docx");
        format.stamp(in, a, shortName);
        format.stamp(in, b, longName);
        assertEquals(List.of("机密★5年 第000007份 张三"), format.read(a).slots().get(0).watermarks());
        assertEquals(List.of("机密★5年 第000007份\n国家某某研究院第三研究所…"), format.read(b).slots().get(0).watermarks(),
                "the recipient on a line of its own, cut to the line's length");
        double oneLine = lineHeight(entry(a, "word/header1.xml"), 1);
        double twoLines = lineHeight(entry(b, "word/header1.xml"), 2);
        assertEquals(oneLine, twoLines, 0.01, "each line as high as a one-line watermark: the size is kept");
        assertEquals(StampStyle.WATERMARK_PT * 0.95, oneLine, 0.1);
    }

    /** The watermark shape's height divided by its lines. */
    private static double lineHeight(String headerXml, int lines) {
        var m = java.util.regex.Pattern.compile("height:([0-9.]+)pt;rotation:315").matcher(headerXml);
        assertTrue(m.find(), headerXml);
        return Double.parseDouble(m.group(1)) / lines;
    }

    private Path rewrite(Path docx, Map<String, UnaryOperator<String>> changes) throws IOException {
        Path out = tmp.resolve("changed-" + docx.getFileName());
        try (ZipFile zip = new ZipFile(docx.toFile()); OutputStream o = Files.newOutputStream(out);
                ZipOutputStream z = new ZipOutputStream(o)) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                UnaryOperator<String> change = changes.get(e.getName());
                if (change != null) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        assertFalse(changes.isEmpty());
        return out;
    }

    private static String entry(Path docx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(docx.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
