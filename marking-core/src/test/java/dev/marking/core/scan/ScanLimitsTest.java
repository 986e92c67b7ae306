package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyException;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.testing.HostileFiles;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: findings per rule per file are capped and counted, and a file past the time limit is one finding. */
class ScanLimitsTest {

    @TempDir
    Path dir;

    private final MarkingParser parser = MarkingParser.standard();

    private Scanner scanner(Duration limit) {
        return new Scanner(FormatRegistry.standard(), RuleRegistry.standard().rules(parser),
                new ScanOptions(LocalDate.of(2026, 12, 1), Messages.forLang("en"), parser, 2).withFileTimeLimit(limit));
    }

    @Test
    void aRuleListsAtMostTwoHundredFindingsAndCountsTheRest() throws IOException {
        Path ids = HostileFiles.textManyIdNumbers(dir.resolve("ids.txt"), 1_000);
        List<Finding> pii = scanner(Duration.ofMinutes(1)).check(ids).findings().stream()
                .filter(f -> f.rule().equals("pii.id-card")).toList();
        assertEquals(Scanner.MAX_FINDINGS_PER_RULE + 1, pii.size());
        assertTrue(pii.stream().anyMatch(f -> f.message().equals(
                "and 800 more pii.id-card findings in this file (only the first 200 are listed)")), pii.toString());
        Path few = HostileFiles.textManyIdNumbers(dir.resolve("few.txt"), 200);
        assertEquals(200, scanner(Duration.ofMinutes(1)).check(few).findings().stream()
                .filter(f -> f.rule().equals("pii.id-card")).count(), "at the cap: all listed, none counted");
    }

    @Test
    void aFilePastTheTimeLimitIsUnreadableAndTheOthersAreChecked() throws IOException {
        Path bomb = HostileFiles.docxBomb(dir.resolve("bomb.docx"), 100L << 20);
        Path memo = Files.writeString(dir.resolve("memo.txt"), "机密★5年\n正文\n");
        ScanResult r = scanner(Duration.ofMillis(300)).scan(List.of(bomb, memo));
        FileResult late = r.files().stream().filter(f -> f.path().endsWith("bomb.docx")).findFirst().orElseThrow();
        assertEquals("file.unreadable", late.findings().get(0).rule());
        assertTrue(late.findings().get(0).message().contains("took longer than the time limit of 0.3 s for one file"),
                late.toString());
        FileResult ok = r.files().stream().filter(f -> f.path().endsWith("memo.txt")).findFirst().orElseThrow();
        assertEquals(List.of(), ok.findings());
        assertTrue(scanner(Duration.ofMinutes(1)).scan(List.of(memo)).files().get(0).findings().isEmpty(),
                "the interrupt of a file past its limit never reaches the next file");
    }

    /** A stop at the time limit says how busy the machine was, not what the file holds: the cache never keeps it. */
    @Test
    void aFileStoppedAtTheLimitIsNotRememberedByTheCache() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        HostileFiles.docxBomb(docs.resolve("bomb.docx"), 100L << 20);
        Files.writeString(docs.resolve("memo.txt"), "机密★5年\n正文\n");
        ScanOptions options = new ScanOptions(LocalDate.of(2026, 12, 1), Messages.forLang("en"), parser, 2)
                .withFileTimeLimit(Duration.ofMillis(300));
        ScanCache cache = ScanCache.open(dir.resolve("cache.json"), ScanCache.key(FormatRegistry.standard(), options, "t"));
        FileSelection.Selection found = new FileSelection(options.policy()).select(List.of(docs));
        ScanOutcome first = scanner(Duration.ofMillis(300)).scan(found, ScanListener.NONE, cache);
        cache.save();
        assertEquals(2, first.read());
        ScanCache again = ScanCache.open(dir.resolve("cache.json"), ScanCache.key(FormatRegistry.standard(), options, "t"));
        ScanOutcome second = scanner(Duration.ofMillis(300)).scan(found, ScanListener.NONE, again);
        assertEquals(List.of(1, 1), List.of(second.fromCache(), second.read()), "memo.txt from the cache, the bomb read again");
    }

    @Test
    void theLimitComesFromTheEnvironmentOrIsFiveMinutes() {
        assertEquals(Duration.ofMinutes(5), FileTimeLimit.fromEnvironment(Map.of()));
        assertEquals(Duration.ofSeconds(90), FileTimeLimit.fromEnvironment(Map.of(FileTimeLimit.VARIABLE, "90")));
        assertEquals(Duration.ofSeconds(90), FileTimeLimit.fromEnvironment(Map.of(FileTimeLimit.VARIABLE, "90s")));
        assertThrows(IllegalArgumentException.class, () -> FileTimeLimit.fromEnvironment(Map.of(FileTimeLimit.VARIABLE,
                "0")));
        assertThrows(IllegalArgumentException.class, () -> FileTimeLimit.fromEnvironment(Map.of(FileTimeLimit.VARIABLE,
                "soon")));
    }

    /**
     * The time limit comes from the policy ({@code file-time-limit}) and stops the OpenDocument, OFD, RTF and Excel
     * 97-2003 readers and the rules after them: each such file is one finding naming the limit, the text file beside
     * them is checked as usual.
     */
    @Test
    void everyReaderStopsAtThePolicysLimitAndTheOtherFilesAreChecked() throws Exception {
        List<Path> slow = List.of(HostileFiles.odtBomb(dir.resolve("long.odt"), 20L << 20),
                HostileFiles.ofdLong(dir.resolve("long.ofd"), 1_000, 20),
                HostileFiles.rtfLong(dir.resolve("long.rtf"), 20L << 20),
                HostileFiles.xlsLong(dir.resolve("long.xls"), 20_000, 5));
        Path memo = Files.writeString(dir.resolve("memo.txt"), "机密★5年\n正文\n");
        Policy policy = PolicyLoader.parse("marking.yml", "file-time-limit: 0.3\n", "t");
        Duration limit = FileTimeLimit.fromEnvironment(Map.of(), policy.fileTimeLimit());
        assertEquals(Duration.ofMillis(300), limit);
        Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(), new ScanOptions(LocalDate.of(2026, 12, 1),
                Messages.forLang("en"), policy.parser(), 2, policy, limit));
        // The memo once alone first: in a cold test JVM (beside another busy one) loading the rules' classes
        // alone could take longer than 0.3 s, and this test is about the readers' limit, not class loading.
        scanner.scan(List.of(memo));
        List<Path> all = new ArrayList<>(slow);
        all.add(memo);
        ScanResult r = scanner.scan(all);
        for (Path file : slow) {
            FileResult late = r.files().stream().filter(f -> f.path().endsWith(file.getFileName().toString()))
                    .findFirst().orElseThrow();
            assertEquals(List.of("file.unreadable"), late.findings().stream().map(Finding::rule).toList(), late.toString());
            assertTrue(late.findings().get(0).message().contains("took longer than the time limit of 0.3 s for one file"),
                    late.toString());
        }
        FileResult ok = r.files().stream().filter(f -> f.path().endsWith("memo.txt")).findFirst().orElseThrow();
        assertEquals(List.of(), ok.findings());
    }

    @Test
    void theEnvironmentWinsOverThePolicyAndABadPolicyValueNamesFileLineAndKey() throws Exception {
        Optional<Duration> ninety = PolicyLoader.parse("p.yml", "file-time-limit: 90s\n", "t").fileTimeLimit();
        assertEquals(Optional.of(Duration.ofSeconds(90)), ninety);
        assertEquals(Duration.ofSeconds(90), FileTimeLimit.fromEnvironment(Map.of(), ninety));
        assertEquals(Duration.ofSeconds(5), FileTimeLimit.fromEnvironment(Map.of(FileTimeLimit.VARIABLE, "5"), ninety));
        assertEquals(Duration.ofMillis(500), FileTimeLimit.fromEnvironment(Map.of(FileTimeLimit.VARIABLE, "0.5"), ninety));
        PolicyException bad = assertThrows(PolicyException.class, () -> PolicyLoader.parse("p.yml",
                "version: 1\nfile-time-limit: [1]\n", "t"));
        assertEquals("p.yml:2: file-time-limit: expected a single value", bad.getMessage());
        bad = assertThrows(PolicyException.class, () -> PolicyLoader.parse("p.yml", "file-time-limit: 5 min\n", "t"));
        assertEquals("p.yml:1: file-time-limit: expected a number of seconds above 0 (300, 90s, 0.5), not '5 min'",
                bad.getMessage());
    }
}
