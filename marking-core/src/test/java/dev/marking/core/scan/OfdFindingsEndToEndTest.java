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
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, acceptance 3: fake de-classification and personal information in an OFD are found through the
 * whole pipeline (registry, scanner, reports) with the page, the line and the evidence span, on page 2
 * and in an annotation as well as in the first page's text.
 */
class OfdFindingsEndToEndTest {

    private static final String SENTENCE = "XX部队于X月X日在A基地完成了试射。";

    @TempDir
    Path dir;

    @Test
    void declassAndPiiFindingsCarryPageLineAndEvidence() throws Exception {
        Fixtures.ofd().line("秘密★5年").line("试验简报").glyphs(SENTENCE)
                .page().line("联系人身份证号：11010519491231002X").line("联系电话13812345678")
                .annotation("审阅：请核实某型号装备的数量", "")
                .build(dir.resolve("brief.ofd"));
        ScanResult r = Scanner.forPolicy(FormatRegistry.standard(),
                ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 23), Messages.forLang("en"))).scan(List.of(dir));
        assertEquals(1, r.files().size());
        FileResult f = r.files().get(0);
        assertEquals("ofd", f.format());
        assertEquals("秘密★5年", f.marking().orElseThrow().mark());

        List<Finding> fake = f.findings().stream().filter(x -> x.rule().equals("declass.fake")).toList();
        List<String> evidence = fake.stream().map(Finding::evidence).toList();
        assertTrue(evidence.containsAll(List.of("XX部队", "X月X日", "A基地")), evidence.toString());
        Finding troops = fake.stream().filter(x -> x.evidence().equals("XX部队")).findFirst().orElseThrow();
        assertEquals(1, troops.location().page());
        assertEquals(3, troops.location().paragraph(), "the third line of page 1, read in position order");
        assertEquals(1, troops.location().column());
        Finding base = fake.stream().filter(x -> x.evidence().equals("A基地")).findFirst().orElseThrow();
        assertEquals(SENTENCE.indexOf("A基地") + 1, base.location().column(), "column of the span");
        Finding model = fake.stream().filter(x -> x.evidence().contains("某型号")).findFirst().orElseThrow();
        assertEquals(2, model.location().page());
        assertEquals("annotation", model.location().part());

        Finding id = only(f, "pii.id-card");
        assertEquals(2, id.location().page());
        assertEquals(1, id.location().paragraph());
        assertEquals("联系人身份证号：".length() + 1, id.location().column());
        Finding phone = only(f, "pii.phone");
        assertEquals("138****5678", phone.evidence());
        assertEquals(2, phone.location().page());
        assertEquals(2, phone.location().paragraph());

        StringWriter json = new StringWriter();
        new JsonReportWriter("test").write(r, json);
        JsonNode first = new ObjectMapper().readTree(json.toString()).get("files").get(0);
        assertEquals("ofd", first.get("format").asText());
        boolean seen = false;
        for (JsonNode x : first.get("findings")) {
            if ("XX部队".equals(x.path("evidence").asText())) {
                assertEquals(1, x.get("location").get("page").asInt());
                assertEquals(1, x.get("location").get("column").asInt());
                seen = true;
            }
        }
        assertTrue(seen, json.toString());
        StringWriter text = new StringWriter();
        new TextReportWriter(Messages.forLang("en")).write(r, text);
        assertTrue(text.toString().contains("page 1, paragraph 3, column 1"), text.toString());
    }

    private static Finding only(FileResult f, String rule) {
        List<Finding> hits = f.findings().stream().filter(x -> x.rule().equals(rule)).toList();
        assertEquals(1, hits.size(), rule + ": " + f.findings());
        return hits.get(0);
    }
}
