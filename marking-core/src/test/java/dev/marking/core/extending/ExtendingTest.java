package dev.marking.core.extending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.engine.Engine;
import dev.marking.core.engine.MarkingInput;
import dev.marking.core.engine.ReportTarget;
import dev.marking.core.engine.ReportedFinding;
import dev.marking.core.engine.StampRequest;
import dev.marking.core.engine.StampResult;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.engine.VerifyResult;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.rules.RuleRegistry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's worked example: a format and a rule added with one registration line each. */
class ExtendingTest {

    /** The two registration lines: what FormatRegistry.standard() and RuleRegistry.standard() would hold. */
    private final Engine engine = new Engine(
            FormatRegistry.standard().with(new MemoFormat()),
            RuleRegistry.standard().with(settings -> new TodoRule()),
            "test");

    @TempDir
    Path dir;

    @Test
    void theNewFormatIsWalkedReadCheckedByEveryRuleAndReported() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.memo"), "MEMO/1\n关于试验安排的说明\nTODO 补充日期\n");
        Files.writeString(docs.resolve("b.txt"), "公开\n正文\n");
        StringWriter sarif = new StringWriter();
        VerifyResult r = engine.verify(VerifyRequest.of(List.of(docs)).withLang("en")
                .withReport(ReportTarget.console("sarif")), sarif);

        assertEquals(List.of("a.memo: marking.missing", "a.memo: example.todo"),
                r.findings().stream().map(f -> Path.of(f.path()).getFileName() + ": " + f.rule()).toList());
        ReportedFinding todo = r.findings().get(1);
        assertEquals("line 3, column 1", todo.where());
        JsonNode run = new ObjectMapper().readTree(sarif.toString()).get("runs").get(0);
        assertTrue(run.get("tool").get("driver").get("rules").findValuesAsText("id").contains("example.todo"));
        assertEquals("text/x-memo", run.get("artifacts").get(0).get("mimeType").asText());
    }

    @Test
    void everyListOfFormatsNamesIt() throws Exception {
        assertTrue(engine.extensions().contains("memo"));
        assertTrue(engine.includeGlobs().contains("**/*.memo"));
        assertTrue(engine.extensionList().endsWith(", .memo"));
        assertEquals("text/x-memo", engine.mediaType("会议.memo"));
        assertTrue(engine.formatIds().contains("memo"));
        assertTrue(engine.ruleCatalogue().stream().anyMatch(d -> d.id().equals("example.todo")));
        Path disguised = Files.writeString(dir.resolve("really-a-memo.txt"), "MEMO/1\n正文\n");
        FormatRegistry formats = FormatRegistry.standard().with(new MemoFormat());
        assertEquals("memo", formats.identify(disguised).byContent().orElseThrow().id());
        assertTrue(formats.identify(disguised).mismatch());
    }

    @Test
    void theNewFormatIsStampedAndThenVerifiesAsMarked() throws Exception {
        Path memo = Files.writeString(dir.resolve("a.memo"), "MEMO/1\n关于试验安排的说明\n");
        Path out = dir.resolve("out");
        StampResult stamped = engine.stamp(StampRequest.of(List.of(memo), out, MarkingInput.of("机密", "5").withCopy("3")));
        assertTrue(stamped.allStamped(), stamped.toString());
        Path copy = out.resolve("a.000003.memo");
        assertEquals("MEMO/1\n000003\n机密★5年\n关于试验安排的说明\n", Files.readString(copy));
        StampResult again = engine.stamp(StampRequest.of(List.of(copy), dir.resolve("again"), MarkingInput.of("秘密", "1")));
        assertEquals("MEMO/1\n秘密★1年\n关于试验安排的说明\n", Files.readString(again.files().get(0).written().get(0)));

        VerifyResult r = engine.verify(VerifyRequest.of(List.of(copy)).withLang("en"), null);
        assertEquals(List.of(), r.findings());
        assertEquals("机密★5年", r.result().files().get(0).marking().orElseThrow().mark());
    }
}
