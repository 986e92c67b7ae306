package dev.marking.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.policy.Policy;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, whose policy rules: a marking.yml dropped into a scanned folder may only tighten the organisation's
 * policy (or the built-in one), reports name every policy applied and what was refused, and a scan whose
 * include/exclude leaves out every document says so.
 */
class WhosePolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine = Engine.standard("test");

    @TempDir
    Path dir;

    private Path docs() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), "# 方案\n正文\n");
        Files.writeString(docs.resolve("b.md"), "公开\n正文\n");
        Files.writeString(docs.resolve("build.sh"), "echo hi\n");
        return docs;
    }

    private JsonNode json(VerifyRequest request) throws Exception {
        StringWriter out = new StringWriter();
        engine.verify(request.withLang("en").withReport(ReportTarget.console("json")), out);
        return JSON.readTree(out.toString());
    }

    private String text(VerifyRequest request) throws Exception {
        StringWriter out = new StringWriter();
        engine.verify(request.withLang("en").withReport(ReportTarget.console("text")), out);
        return out.toString();
    }

    private static List<String> rules(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("files").forEach(f -> f.get("findings").forEach(x -> out.add(
                Path.of(f.get("path").asText()).getFileName() + ": " + x.get("rule").asText() + ":"
                        + x.get("severity").asText())));
        return out;
    }

    @Test
    void aPolicyDroppedIntoTheScannedFolderCannotExcludeOrSilenceAnything() throws Exception {
        Path docs = docs();
        Path dropped = Files.writeString(docs.resolve("marking.yml"),
                "exclude: [\"**\"]\nrules: {marking.missing: off}\nsuppressions: [{path: \"**\", rule: \"*\", reason: x}]\n");
        Policy policy = engine.policy(null, docs);
        VerifyRequest request = VerifyRequest.of(List.of(docs)).withPolicy(policy);
        JsonNode report = json(request);
        assertEquals(List.of("a.md: marking.missing:error"), rules(report));
        assertEquals(2, report.at("/summary/files").asInt());
        assertEquals(2, report.at("/summary/skipped").asInt(), "build.sh and the policy file itself: " + report);
        JsonNode local = report.get("policies").get(1);
        assertEquals(dropped.toString(), local.get("file").asText());
        assertEquals("local", local.get("role").asText());
        assertEquals("[\"rules.marking.missing: off\",\"suppressions (1)\",\"exclude\"]", local.get("ignored").toString());
        assertEquals("built-in", report.get("policies").get(0).get("role").asText());
        String text = text(request);
        assertTrue(text.contains("policy: built-in; " + dropped + " (local: may only tighten; ignored: "
                + "rules.marking.missing: off, suppressions (1), exclude)\n"), text);
    }

    @Test
    void whenIncludeExcludeLeavesOutEveryDocumentTheScanSaysSo() throws Exception {
        Path docs = docs();
        Path org = Files.writeString(dir.resolve("org.yml"), "exclude: [\"docs/**\", \"**/*.md\"]\n");
        VerifyRequest request = VerifyRequest.of(List.of(docs)).withPolicy(engine.policy(org, docs));
        JsonNode report = json(request);
        assertEquals(List.of("docs: policy.excluded-all:warning"), rules(report), report.toString());
        assertTrue(report.at("/files/0/findings/0/message").asText().startsWith(
                "include/exclude left out all 2 documents found here ("), report.toString());
        assertEquals("folder", report.at("/files/0/format").asText());
        assertEquals(3, report.at("/summary/skipped").asInt());
        String text = text(request);
        assertTrue(text.endsWith("files: 1, errors: 0, warnings: 1, infos: 0, skipped: 3 (1 not a document, 2 excluded)\n"),
                text);
    }

    @Test
    void anOrganisationThatAllowsLocalOverridesGetsThemAndTheWarningStillComes() throws Exception {
        Path docs = docs();
        Files.writeString(docs.resolve("marking.yml"), "exclude: [\"*.md\"]\n");
        Path org = Files.writeString(dir.resolve("org.yml"), "local-policy: override\n");
        JsonNode report = json(VerifyRequest.of(List.of(docs)).withPolicy(engine.policy(org, docs)));
        assertEquals(List.of("docs: policy.excluded-all:warning"), rules(report));
        assertEquals("local-override", report.get("policies").get(1).get("role").asText());
        assertEquals(List.of("organisation", "local-override"), report.get("policies").findValuesAsText("role"));
    }

    @Test
    void listSkippedShowsWhatWasNotCheckedAndWhy() throws Exception {
        Path docs = docs();
        Files.createDirectories(docs.resolve(".git"));
        String text = text(VerifyRequest.of(List.of(docs)).withListSkipped(true));
        assertTrue(text.contains("skipped:\n"), text);
        assertTrue(text.contains("docs/.git/  a version-control, IDE, dependency or build folder: not walked\n"), text);
        assertTrue(text.contains("build.sh  source code (.sh)\n"), text);
        assertFalse(text(VerifyRequest.of(List.of(docs))).contains("build.sh"), "listed only when asked");
    }
}
