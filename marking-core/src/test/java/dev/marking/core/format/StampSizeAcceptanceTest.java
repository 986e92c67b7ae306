package dev.marking.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.testing.LibreOffice;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 4: the block's size and face read back from the output. PDF: the text positions
 * of 份号, 机密★5年 and 特急 are 16 pt ± 0.5 on A4 (scaled on A5, never below the legible minimum on a
 * tiny page), drawn in a 黑体-class face, the mark and the urgency stroked bold and the 份号 not. DOCX: the
 * run properties say 三号 (sz 32), 黑体 and bold for the mark and urgency, Arabic digits in a serif face for
 * 份号; LibreOffice's PDF export draws them at 16 pt ± 0.5 in a 黑体-class face.
 */
class StampSizeAcceptanceTest {

    /** Face names of 黑体 and the sans CJK faces that stand in for it (SimHei, WenQuanYi Hei, Noto Sans SC). */
    private static final Pattern HEITI = Pattern.compile("(?i)simhei|heiti|zenhei|microhei|notosanssc|noto sans sc|hei");
    private static final StampOptions OPTIONS = StampOptions.all(Marking.of(Scheme.STATE.level("机密").orElseThrow(),
            new Term.Years(5)).withCopy(new CopyNumber(123)).withUrgency(Urgency.URGENT), "size", LocalDate.of(2026, 11, 30));

    @TempDir
    Path tmp;

    @Test
    void pdfBlockIsSanHaoHeitiOnA4() throws Exception {
        Path out = stampPdf(PDRectangle.A4);
        List<Line> lines = lines(out);
        for (String text : List.of("000123", "机密★5年", "特急")) {
            Line l = find(lines, text);
            assertEquals(16f, l.size(), 0.5f, text + " size");
            assertTrue(HEITI.matcher(l.font()).find(), text + " face " + l.font());
            assertEquals(!text.equals("000123"), l.stroked(), text + " bold (stroked) only for the mark and urgency");
        }
    }

    @Test
    void pdfBlockScalesWithThePaperButStaysLegible() throws Exception {
        Line a5 = find(lines(stampPdf(PDRectangle.A5)), "机密★5年");
        // A5 is 0.705 of A4 on both sides
        assertEquals(16f * 419.53f / 595.28f, a5.size(), 0.5f, "A5: scaled with the paper");
        Line tiny = find(lines(stampPdf(new PDRectangle(150, 210))), "机密★5年");
        assertEquals(StampStyle.MIN_PT, tiny.size(), 0.2f, "a tiny page: the legible minimum");
    }

    @Test
    void docxBlockIsSanHaoHeitiInItsRunsAndInLibreOffice() throws Exception {
        Path stamped = tmp.resolve("briefing.docx");
        new DocxFormat().stamp(Path.of("../examples/documents/试验情况简报.docx"), stamped, OPTIONS);
        String xml;
        try (ZipFile zip = new ZipFile(stamped.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("word/document.xml"))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String text : List.of("000123", "机密★5年", "特急")) {
            String rPr = runProperties(xml, text);
            assertTrue(rPr.contains("<w:sz w:val=\"32\"/>"), text + " 三号: " + rPr);
            if (text.equals("000123")) {
                assertTrue(rPr.contains("w:ascii=\"" + StampStyle.DIGITS_FONT + "\""), "份号 in Arabic digits: " + rPr);
            } else {
                assertTrue(rPr.contains("w:eastAsia=\"黑体\"") && rPr.contains("<w:b/>"), text + " bold 黑体: " + rPr);
            }
        }
        LibreOffice lo = LibreOffice.in(tmp, "sizes of the DOCX block as LibreOffice draws it");
        Path pdf = lo.convert(List.of(stamped), LibreOffice.PDF, tmp.resolve("pdf")).get(0);
        List<Line> lines = lines(pdf);
        for (String text : List.of("000123", "机密", "特急")) {
            Line l = find(lines, text);
            assertEquals(16f, l.size(), 0.5f, text + " size in LibreOffice");
            if (!text.equals("000123")) {
                assertTrue(HEITI.matcher(l.font()).find(), text + " face in LibreOffice " + l.font());
            }
        }
    }

    private Path stampPdf(PDRectangle size) throws IOException, DocumentException {
        Path in = tmp.resolve("in-" + size.getWidth() + ".pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(size);
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.addRect(size.getWidth() * 0.2f, size.getHeight() * 0.3f, size.getWidth() * 0.6f, size.getHeight() * 0.3f);
                c.fill();
            }
            doc.save(in.toFile());
        }
        Path out = tmp.resolve("out-" + size.getWidth() + ".pdf");
        new PdfFormat().stamp(in, out, OPTIONS);
        return out;
    }

    /** A line of page 1 as drawn: its text, the size and face of its first glyph, and whether it is stroked. */
    private record Line(String text, float size, String font, boolean stroked) {
    }

    /** The block's line starting with {@code text}: the block starts at the 份号 line (the running mark is above it). */
    private static Line find(List<Line> lines, String text) {
        int block = 0;
        while (block < lines.size() && !lines.get(block).text().startsWith("000123")) {
            block++;
        }
        return lines.subList(Math.min(block, lines.size()), lines.size()).stream()
                .filter(l -> l.text().replace(" ", "").startsWith(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no block line " + text + " in " + lines));
    }

    private static List<Line> lines(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<Line> out = new ArrayList<>();
            Map<TextPosition, Boolean> stroked = new IdentityHashMap<>();
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    stroked.put(text, getGraphicsState().getTextState().getRenderingMode().isStroke());
                    super.processTextPosition(text);
                }

                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    TextPosition first = positions.get(0);
                    out.add(new Line(text.strip(), first.getFontSizeInPt(), first.getFont().getName(),
                            stroked.getOrDefault(first, false)));
                }
            };
            s.setSortByPosition(true);
            s.setStartPage(1);
            s.setEndPage(1);
            s.writeText(doc, new StringWriter());
            return out;
        }
    }

    /** The run properties of the run whose text is {@code text}. */
    private static String runProperties(String xml, String text) {
        Matcher m = Pattern.compile("<w:r><w:rPr>(.*?)</w:rPr><w:t[^>]*>" + Pattern.quote(text) + "</w:t></w:r>").matcher(xml);
        assertTrue(m.find(), "no run " + text);
        return m.group(1);
    }
}
