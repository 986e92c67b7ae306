package dev.marking.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.report.Baseline;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy applied by a real scan over real files. */
class PolicyScanTest {

    @TempDir
    Path dir;

    private ScanResult scan(String policyYaml) throws Exception {
        Policy policy = PolicyLoader.parse("marking.yml", policyYaml, "t");
        return Scanner.forPolicy(FormatRegistry.standard(),
                ScanOptions.of(policy, LocalDate.of(2026, 11, 23), Messages.forLang("en"))).scan(List.of(dir));
    }

    private static List<String> rules(FileResult f) {
        return f.findings().stream().map(Finding::rule).toList();
    }

    private FileResult file(ScanResult r, String name) {
        return r.files().stream().filter(f -> f.path().endsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void contentModeFlagsOnlyUnmarkedFilesWhoseContentNeedsAMark() throws Exception {
        Files.writeString(dir.resolve("plain.txt"), "会议通知：周五下午开会。\n");
        Files.writeString(dir.resolve("says.txt"), "本文件属机密，请妥善保管。\n");
        Files.writeString(dir.resolve("point.txt"), "东风快递的运输安排如下。\n");
        ScanResult r = scan("marking: content\nsensitive:\n  secret-points:\n    机密: [东风快递]\n");
        assertEquals(List.of(), rules(file(r, "plain.txt")));
        assertEquals(List.of("marking.missing"), rules(file(r, "says.txt")));
        assertEquals("the body says «本文件属机密», so it needs a mark of at least 机密, but the document is unmarked",
                file(r, "says.txt").findings().get(0).message());
        assertEquals(List.of("marking.missing"), rules(file(r, "point.txt")));
    }

    @Test
    void mandatoryModeFlagsEveryUnmarkedFile() throws Exception {
        Files.writeString(dir.resolve("plain.txt"), "会议通知。\n");
        assertEquals(List.of("marking.missing"), rules(file(scan(""), "plain.txt")));
    }

    @Test
    void bodyHigherThanTheMarkIsInconsistent() throws Exception {
        Files.writeString(dir.resolve("low.txt"), "秘密★1年\n\n本文件属绝密级。\n");
        Files.writeString(dir.resolve("ok.txt"), "绝密★10年\n\n本文件属机密。\n");
        ScanResult r = scan("");
        assertEquals(List.of("marking.inconsistent"), rules(file(r, "low.txt")));
        assertEquals(List.of(), rules(file(r, "ok.txt")));
    }

    @Test
    void pathRulesAtLeastAndMustBe() throws Exception {
        Files.createDirectories(dir.resolve("secret"));
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("secret/low.txt"), "秘密★1年\n正文\n");
        Files.writeString(dir.resolve("secret/ok.txt"), "绝密★1年\n正文\n");
        Files.writeString(dir.resolve("public/wrong.txt"), "秘密★1年\n正文\n");
        Files.writeString(dir.resolve("public/ok.txt"), "公开\n正文\n");
        ScanResult r = scan("paths:\n  - {path: secret/**, at-least: 机密}\n  - {path: public/**, must-be: 公开}\n");
        assertEquals(List.of("marking.inconsistent"), rules(file(r, "secret/low.txt")));
        assertEquals("files under secret/** must be marked at least 机密, but this one is marked 秘密★1年",
                file(r, "secret/low.txt").findings().get(0).message());
        assertEquals(List.of(), rules(file(r, "secret/ok.txt")));
        assertEquals(List.of("marking.inconsistent"), rules(file(r, "public/wrong.txt")));
        assertEquals(List.of(), rules(file(r, "public/ok.txt")));
    }

    @Test
    void severitiesOffAndSuppressions() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "机密☆五年\n正文\n");
        Files.createDirectories(dir.resolve("legacy"));
        Files.writeString(dir.resolve("legacy/old.txt"), "正文\n");
        ScanResult raised = scan("rules: {marking.noncanonical: error}\n");
        assertEquals(Severity.ERROR, file(raised, "a.txt").findings().get(0).severity());
        assertEquals(List.of(), rules(file(scan("rules: {marking.noncanonical: off}\n"), "a.txt")));
        String suppress = "suppressions:\n  - {path: legacy/**, rule: marking.missing, reason: archived, until: %s}\n";
        assertEquals(List.of(), rules(file(scan(suppress.formatted("2026-12-31")), "legacy/old.txt")));
        assertEquals(List.of("marking.missing"), rules(file(scan(suppress.formatted("2026-11-22")), "legacy/old.txt")),
                "an expired suppression no longer applies");
    }

    @Test
    void includeAndExcludeSelectWalkedFiles() throws Exception {
        Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(dir.resolve("a.txt"), "公开\n");
        Files.writeString(dir.resolve("b.md"), "公开\n");
        Files.writeString(dir.resolve("drafts/c.txt"), "正文\n");
        ScanResult r = scan("include: ['**/*.txt']\nexclude: [drafts/**]\n");
        assertEquals(1, r.files().size());
        assertTrue(r.files().get(0).path().endsWith("a.txt"));
    }

    @Test
    void baselineReportsOnlyNewFindingsAndSurvivesEdits() throws Exception {
        Path doc = dir.resolve("doc.txt");
        Files.writeString(doc, "秘密★15年\n\n第一段。\n");
        ScanResult first = scan("");
        Baseline baseline = Baseline.of(first);
        Path file = dir.resolve("baseline.json");
        baseline.write(file);
        Files.writeString(doc, "秘密★15年\n\n第一段，改过了。\n\n新增的第二段。\n");
        assertEquals(0, Baseline.read(file).filter(scan("")).files().get(0).findings().size());
        Files.writeString(doc, "秘密★15年\n\n第一段。\n\n机密☆五年\n");
        ScanResult withNew = Baseline.read(file).filter(scan(""));
        assertEquals(List.of("marking.noncanonical"), rules(withNew.files().get(0)));
    }
}
