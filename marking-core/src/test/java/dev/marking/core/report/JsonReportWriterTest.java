package dev.marking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Ocr;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Severity;
import dev.marking.core.model.Term;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.text.Messages;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static ScanResult sample() {
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(3)).withIssued(LocalDate.of(2026, 1, 5));
        Finding late = new Finding("declass.fake", Severity.ERROR, "msg", new Location("body", 0, 2, 7, 0, 0), "XX部队");
        Finding early = new Finding("marking.incomplete", Severity.ERROR, "msg2", Location.page(1), null);
        return new ScanResult(List.of(
                new FileResult("docs/b.txt", "text", Optional.empty(), List.of()),
                new FileResult("docs/a.docx", "docx", Optional.of(m), List.of(late, early))));
    }

    @Test
    void writesTheDesignShapeInAStableOrder() throws Exception {
        StringWriter out = new StringWriter();
        new JsonReportWriter("1.0").write(sample(), out);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("marking", root.get("tool").asText());
        JsonNode a = root.get("files").get(0);
        assertEquals("docs/a.docx", a.get("path").asText());
        assertEquals("{\"level\":\"机密\",\"scheme\":\"state\",\"term\":\"5年\",\"copy\":\"000003\",\"issued\":\"2026-01-05\"}",
                a.get("marking").toString());
        assertEquals("marking.incomplete", a.get("findings").get(0).get("rule").asText());
        assertEquals("{\"part\":\"body\",\"page\":2,\"paragraph\":7}",
                a.get("findings").get(1).get("location").toString());
        assertEquals(2, a.get("findings").get(1).get("location").get("page").asInt());
        assertEquals("XX部队", a.get("findings").get(1).get("evidence").asText());
        assertEquals(true, root.get("files").get(1).get("marking").isNull());
        assertEquals(2, root.get("summary").get("errors").asInt());
        StringWriter again = new StringWriter();
        new JsonReportWriter("1.0").write(sample(), again);
        assertEquals(out.toString(), again.toString());
    }

    @Test
    void textReportListsFindingsAndASummary() throws Exception {
        StringWriter out = new StringWriter();
        new TextReportWriter(Messages.forLang("en")).write(sample(), out);
        String text = out.toString();
        assertEquals("docs/a.docx  [机密★5年 第000003份]", text.lines().findFirst().orElseThrow());
        assertEquals("files: 2, errors: 2, warnings: 0, infos: 0, skipped: 0", text.lines().reduce((x, y) -> y).orElseThrow());
    }

    @Test
    void textReportNamesPlacesInTheReportsLanguage() throws Exception {
        StringWriter zh = new StringWriter();
        new TextReportWriter(Messages.forLang("zh")).write(sample(), zh);
        assertTrue(zh.toString().contains("第2页第7段: msg [XX部队]"), zh.toString());
        StringWriter en = new StringWriter();
        new TextReportWriter(Messages.forLang("en")).write(sample(), en);
        assertTrue(en.toString().contains("page 2, paragraph 7: msg [XX部队]"), en.toString());
    }

    @Test
    void cellsAndSlidesAreLocationFields() throws Exception {
        Finding cell = new Finding("pii.phone", Severity.ERROR, "m", Location.cell("Sheet1", "C7"), "13800138000");
        Finding slide = new Finding("declass.fake", Severity.ERROR, "m", Location.slide(3).withParagraph(2), "XX部队");
        StringWriter out = new StringWriter();
        new JsonReportWriter("1.0").write(new ScanResult(List.of(new FileResult("a.xlsx", "xlsx", Optional.empty(),
                List.of(cell, slide)))), out);
        JsonNode findings = new ObjectMapper().readTree(out.toString()).get("files").get(0).get("findings");
        assertEquals("{\"sheet\":\"Sheet1\",\"cell\":\"C7\"}", findings.get(0).get("location").toString());
        assertEquals("{\"slide\":3,\"paragraph\":2}", findings.get(1).get("location").toString());
    }

    @Test
    void placesReadByOcrCarryTheConfidenceInAnAddedField() throws Exception {
        Finding line = new Finding("declass.fake", Severity.ERROR, "m",
                new Location(null, 0, 1, 6, 0, 8).withOcr(new Ocr(92)), "XX部队");
        Finding page = new Finding("file.no-text", Severity.ERROR, "m", Location.page(1).withOcr(Ocr.PAGE), null);
        StringWriter out = new StringWriter();
        new JsonReportWriter("1.0").write(new ScanResult(List.of(new FileResult("scan.pdf", "pdf", Optional.empty(),
                List.of(line, page)))), out);
        JsonNode findings = new ObjectMapper().readTree(out.toString()).get("files").get(0).get("findings");
        assertEquals("{\"page\":1,\"ocr\":{}}", findings.get(0).get("location").toString());
        assertEquals("{\"page\":1,\"paragraph\":6,\"column\":8,\"ocr\":{\"confidence\":92}}",
                findings.get(1).get("location").toString());
    }
}
