package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.report.JsonReportWriter;
import dev.marking.core.report.TextReportWriter;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.text.Messages;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4, acceptance 2: the same fake de-classified sentence in a DOCX, a PDF and a Markdown file. */
class FakeDeclassificationEndToEndTest {

    private static final String SENTENCE = "XX部队于X月X日在A基地完成了试射。";

    @TempDir
    Path dir;

    @Test
    void reportedWithSpanAndLocationInEveryFormatAndReport() throws Exception {
        Fixtures.docx().paragraph("秘密★5年").paragraph("试验简报").paragraph(SENTENCE).build(dir.resolve("a.docx"));
        Files.writeString(dir.resolve("c.md"), "秘密★5年\n\n# 试验简报\n\n" + SENTENCE + "\n");
        pdf(dir.resolve("b.pdf"));
        ScanResult r = Scanner.forPolicy(FormatRegistry.standard(),
                ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 23), Messages.forLang("en"))).scan(List.of(dir));
        assertEquals(3, r.files().size());
        for (FileResult f : r.files()) {
            List<Finding> fake = f.findings().stream().filter(x -> x.rule().equals("declass.fake")).toList();
            List<String> evidence = fake.stream().map(Finding::evidence).toList();
            assertTrue(evidence.containsAll(List.of("XX部队", "X月X日", "A基地")), f.path() + ": " + evidence);
            for (Finding x : fake) {
                assertTrue(x.location().column() > 0, "column of " + x);
                assertTrue(x.location().paragraph() > 0 || x.location().line() > 0, "paragraph or line of " + x);
            }
        }
        Finding pdfHit = r.files().get(1).findings().stream().filter(x -> x.rule().equals("declass.fake")).findFirst()
                .orElseThrow();
        assertEquals(1, pdfHit.location().page(), "PDF findings name the page");

        StringWriter json = new StringWriter();
        new JsonReportWriter("test").write(r, json);
        JsonNode root = new ObjectMapper().readTree(json.toString());
        JsonNode first = root.get("files").get(2).get("findings").get(0);
        assertEquals("declass.fake", first.get("rule").asText());
        assertEquals("XX部队", first.get("evidence").asText());
        assertEquals(5, first.get("location").get("line").asInt());
        assertEquals(1, first.get("location").get("column").asInt());
        StringWriter text = new StringWriter();
        new TextReportWriter(Messages.forLang("en")).write(r, text);
        assertTrue(text.toString().contains("declass.fake"), text.toString());
        assertTrue(text.toString().contains("line 5, column 1"), text.toString());
    }

    private static void pdf(Path file) throws Exception {
        try (PDDocument doc = new PDDocument();
                InputStream font = FakeDeclassificationEndToEndTest.class
                        .getResourceAsStream("/dev/marking/core/format/pdf/NotoSansSC-Regular.ttf")) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType0Font f = PDType0Font.load(doc, font);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(f, 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("秘密★5年");
                cs.newLineAtOffset(0, -24);
                cs.showText(SENTENCE);
                cs.endText();
            }
            doc.save(file.toFile());
        }
    }
}
