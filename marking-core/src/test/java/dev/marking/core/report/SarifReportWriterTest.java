package dev.marking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output checked against the SARIF 2.1.0 schema (test resource, see sarif/SOURCE.md) and by hand. */
class SarifReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    static ScanResult sample() {
        Finding line = new Finding("marking.noncanonical", Severity.WARNING, "non-canonical mark 机密☆五年: write 机密★5年",
                Location.line(2, 3), "机密☆五年");
        Finding paragraph = new Finding("pii.id-card", Severity.ERROR, "resident ID number 110105********002X",
                Location.body(7).withColumn(4), "110105********002X");
        Finding page = new Finding("marking.incomplete", Severity.ERROR, "the running mark is missing in page 2",
                new Location("header:page", 0, 2, 0, 0, 0), null);
        Finding file = new Finding("marking.missing", Severity.ERROR, "no mark", Location.FILE, null);
        Finding info = new Finding("marking.noncanonical", Severity.INFO, "no term stated in 机密", Location.line(1, 1),
                "机密");
        Finding unknown = new Finding("test.not-in-catalogue", Severity.ERROR, "placeholder \"XX部队\" <in> a 'sensitive' place",
                Location.body(3), "XX部队");
        Finding unreadable = new Finding("file.unreadable", Severity.ERROR, "cannot read the file: damaged",
                Location.FILE, null);
        return new ScanResult(List.of(
                new FileResult("docs/会议 纪要.md", "text", Optional.empty(), List.of(line, info)),
                new FileResult("docs/a.docx", "docx", Optional.empty(), List.of(paragraph, unknown, file)),
                new FileResult("scans/b.pdf", "pdf", Optional.empty(), List.of(page)),
                new FileResult("broken.docx", "docx", Optional.empty(), List.of(unreadable)),
                new FileResult("clean.txt", "text", Optional.empty(), List.of())));
    }

    static String write(ScanResult result) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReportWriter("1.2.3", RuleRegistry.standard().catalogue()).write(result, out);
        return out.toString();
    }

    private static Set<ValidationMessage> violations(JsonNode sarif) {
        return schema.validate(sarif);
    }

    @Test
    void outputValidatesAgainstTheSarifSchema() throws IOException {
        JsonNode sarif = JSON.readTree(write(sample()));
        assertEquals(Set.of(), violations(sarif));
    }

    @Test
    void theSchemaRejectsBrokenDocuments() throws IOException {
        JsonNode good = JSON.readTree(write(sample()));
        ObjectNode badLevel = good.deepCopy();
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(violations(badLevel).isEmpty(), "level outside the enum");
        ObjectNode noMessage = good.deepCopy();
        ((ObjectNode) noMessage.at("/runs/0/results/0")).remove("message");
        assertFalse(violations(noMessage).isEmpty(), "result without message");
        ObjectNode badLine = good.deepCopy();
        ((ObjectNode) badLine.findValue("region")).put("startLine", 0);
        assertFalse(violations(badLine).isEmpty(), "line 0");
        ObjectNode badVersion = good.deepCopy();
        badVersion.put("version", "2.0.0");
        assertFalse(violations(badVersion).isEmpty(), "wrong version");
        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.at("/runs/0/tool/driver")).put("vendor", "x");
        assertFalse(violations(extra).isEmpty(), "unknown property");
    }

    @Test
    void runCarriesToolRulesAndArtifacts() throws IOException {
        JsonNode sarif = JSON.readTree(write(sample()));
        assertEquals(SarifReportWriter.SCHEMA, sarif.get("$schema").asText());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(1, sarif.get("runs").size());
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertEquals("marking", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        List<String> ruleIds = driver.get("rules").findValuesAsText("id");
        assertTrue(ruleIds.containsAll(List.of("marking.missing", "pii.id-card", "pii.phone", "pii.bank-card",
                "pii.email", "file.unreadable", "file.encrypted", "file.unsupported")), ruleIds.toString());
        assertEquals("test.not-in-catalogue", ruleIds.get(ruleIds.size() - 1), "a rule the catalogue lacks is appended");
        JsonNode phone = driver.get("rules").get(ruleIds.indexOf("pii.phone"));
        assertEquals("warning", phone.at("/defaultConfiguration/level").asText());
        assertTrue(phone.at("/shortDescription/text").asText().contains("mobile"));
        JsonNode artifacts = sarif.at("/runs/0/artifacts");
        assertEquals(5, artifacts.size());
        assertEquals("broken.docx", artifacts.get(0).at("/location/uri").asText());
        assertEquals("docs/%E4%BC%9A%E8%AE%AE%20%E7%BA%AA%E8%A6%81.md", artifacts.get(3).at("/location/uri").asText());
        assertEquals("application/pdf", artifacts.get(4).get("mimeType").asText());
    }

    @Test
    void resultsPointAtRulesPlacesAndLevels() throws IOException {
        JsonNode sarif = JSON.readTree(write(sample()));
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        JsonNode results = sarif.at("/runs/0/results");
        assertEquals(7, results.size());
        for (JsonNode r : results) {
            assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
            int artifact = r.at("/locations/0/physicalLocation/artifactLocation/index").asInt();
            assertEquals(sarif.at("/runs/0/artifacts/" + artifact + "/location/uri").asText(),
                    r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        }
        JsonNode paragraph = find(results, "pii.id-card");
        assertEquals("error", paragraph.get("level").asText());
        assertTrue(paragraph.at("/locations/0/physicalLocation/region").isMissingNode(), "no line, no region");
        assertEquals(7, paragraph.at("/properties/paragraph").asInt());
        assertEquals(4, paragraph.at("/properties/column").asInt());
        assertEquals("paragraph 7, column 4", paragraph.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        JsonNode page = find(results, "marking.incomplete");
        assertEquals(2, page.at("/properties/page").asInt());
        assertEquals("header:page", page.at("/properties/part").asText());
        JsonNode line = results.get(find(results, "marking.noncanonical", "warning"));
        assertEquals(2, line.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(3, line.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals("note", results.get(find(results, "marking.noncanonical", "note")).get("level").asText());
        assertEquals("placeholder \"XX部队\" <in> a 'sensitive' place",
                find(results, "test.not-in-catalogue").at("/message/text").asText());
    }

    @Test
    void fingerprintsIgnoreTheLineButNotTheEvidence() throws IOException {
        Finding here = new Finding("pii.phone", Severity.WARNING, "m", Location.line(3, 1), "138****5678");
        Finding moved = new Finding("pii.phone", Severity.WARNING, "m", Location.line(40, 9), "138****5678");
        Finding other = new Finding("pii.phone", Severity.WARNING, "m", Location.line(3, 1), "139****5678");
        JsonNode results = JSON.readTree(write(new ScanResult(List.of(
                new FileResult("a.txt", "text", Optional.empty(), List.of(here, moved, other)))))).at("/runs/0/results");
        List<String> prints = results.findValuesAsText(SarifReportWriter.FINGERPRINT);
        assertEquals(List.of("a.txt:3", "a.txt:3", "a.txt:40"), results.findValues("startLine").stream()
                .map(n -> "a.txt:" + n.asInt()).toList());
        assertEquals(64, prints.get(0).length());
        assertNotEquals(prints.get(0), prints.get(1), "other evidence");
        assertEquals(prints.get(0), prints.get(2), "same evidence, other line");
        assertEquals(Fingerprints.of("pii.phone", "a.txt", "１３８****５６７８"), Fingerprints.of("pii.phone", "a.txt",
                "138****5678"), "full-width and half-width evidence are the same");
    }

    @Test
    void urisAreEncodedReferences() {
        assertEquals("docs/a%20b/%E6%9C%BA%E5%AF%86.docx", SarifReportWriter.uri("docs\\a b\\机密.docx"));
        assertEquals("a%3Ab.txt", SarifReportWriter.uri("a:b.txt"));
        assertEquals("file:///tmp/x%23y.pdf", SarifReportWriter.uri("/tmp/x#y.pdf"));
        assertEquals("file:///C:/work/x.pdf", SarifReportWriter.uri("C:\\work\\x.pdf"));
    }

    @Test
    void aRealScanValidates(@TempDir Path dir) throws IOException {
        // ASCII file names: under a C locale the JVM cannot even name a Chinese file (sun.jnu.encoding)
        Files.writeString(dir.resolve("notice 1.txt"), "机密☆五年\n联系人 13812345678，li@example.com\n");
        Files.writeString(dir.resolve("unmarked.md"), "# 标题\n正文\n");
        MarkingParser parser = MarkingParser.standard();
        ScanResult result = new Scanner(FormatRegistry.standard(), RuleRegistry.standard().rules(parser),
                new ScanOptions(LocalDate.of(2026, 11, 23), Messages.forLang("zh"), parser, 1)).scan(List.of(dir));
        JsonNode sarif = JSON.readTree(write(result));
        assertEquals(Set.of(), violations(sarif));
        assertEquals(List.of("marking.noncanonical", "pii.phone", "pii.email", "marking.missing"),
                sarif.at("/runs/0/results").findValuesAsText("ruleId"));
        assertTrue(sarif.at("/runs/0/artifacts/0/location/uri").asText().startsWith("file:///"));
    }

    @Test
    void emptyScanIsValidToo() throws IOException {
        JsonNode sarif = JSON.readTree(write(new ScanResult(List.of())));
        assertEquals(Set.of(), violations(sarif));
        assertEquals(0, sarif.at("/runs/0/results").size());
    }

    private static JsonNode find(JsonNode results, String rule) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(rule)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + rule);
    }

    private static int find(JsonNode results, String rule, String level) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).get("ruleId").asText().equals(rule) && results.get(i).get("level").asText().equals(level)) {
                return i;
            }
        }
        throw new AssertionError("no " + level + " result for " + rule);
    }
}
