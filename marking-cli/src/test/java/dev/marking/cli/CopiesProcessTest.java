package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerEntry;
import dev.marking.core.ledger.LedgerStore;
import dev.marking.core.testing.ChildJvm;
import dev.marking.core.testing.LedgerStores;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbered copies across real processes: two concurrent runs on one ledger, and runs killed with SIGKILL;
 * on every ledger store (issue 21): a JSON-lines file, SQLite, and a PostgreSQL server the tests start.
 */
class CopiesProcessTest {

    @TempDir
    Path dir;

    private Process child(Path out, String kind, String ledger, Path doc, String copies, String threads)
            throws IOException {
        List<String> cmd = ChildJvm.check(List.of(), "dev.marking.cli.Main", List.of("stamp", "--level", "机密",
                "--term", "5", "--copies", copies, "--threads", threads, "--ledger", ledger, "-o", out.toString(),
                doc.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child-"
                + System.nanoTime() + ".log").toFile());
        pb.environment().putAll(LedgerStores.environment(kind));
        return pb.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "sqlite", "postgresql"})
    void twoConcurrentRunsNeverIssueTheSameNumber(String kind) throws Exception {
        Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n正文\n");
        String ledger = LedgerStores.location(kind, dir);
        Path out = dir.resolve("out");
        Process a = child(out, kind, ledger, doc, "60", "2");
        Process b = child(out, kind, ledger, doc, "60", "2");
        assertEquals(0, a.waitFor(), "first run");
        assertEquals(0, b.waitFor(), "second run");
        Ledger book = LedgerStore.open(ledger).read();
        List<LedgerEntry> entries = book.entries();
        assertEquals(120, entries.size());
        assertEquals(360, book.lines().size(), "each copy reserved, staged and confirmed");
        Set<String> copies = new HashSet<>();
        for (LedgerEntry e : entries) {
            assertTrue(copies.add(e.copy()), "duplicate copy " + e.copy());
            Path f = out.resolve(e.file());
            assertEquals(e.sha256(), Digests.sha256(f), "ledger hash of " + f);
        }
        assertEquals("000001", entries.stream().map(LedgerEntry::copy).sorted().findFirst().orElseThrow());
        assertTrue(copies.contains("000120"));
    }

    /**
     * Issue 18, acceptance 3 (and issue 21, acceptance 5, for the database stores, with fewer and shorter
     * runs): runs of N copies, each killed with SIGKILL at a random moment (from JVM start to the last
     * copy). After every kill each complete file on disk is in the ledger with its hash; after the next run
     * no temporary file is left, every number ever taken is issued or void exactly once, and the numbers
     * have no gaps.
     */
    @ParameterizedTest(name = "{0}: {1} kills of {2}-copy runs")
    @CsvSource({"jsonl, 20, 300", "sqlite, 6, 100", "postgresql, 6, 100"})
    void killedAtRandomPointsNoCopyIsLostOrIssuedTwice(String kind, int kills, int copies) throws Exception {
        Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n" + "正文。".repeat(500) + "\n");
        String ledger = LedgerStores.location(kind, dir);
        Path out = dir.resolve("out");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant t0 = Instant.now();
        Process whole = child(out, kind, ledger, doc, String.valueOf(copies), "2");
        assertEquals(0, whole.waitFor(), "a run that is not killed completes");
        long fullMillis = Duration.between(t0, Instant.now()).toMillis();
        for (int i = 0; i < kills; i++) {
            Process p = child(out, kind, ledger, doc, String.valueOf(copies), "2");
            Thread.sleep(random.nextInt((int) fullMillis));
            p.destroyForcibly();
            p.waitFor();
            everyCompleteFileIsInTheLedger(out, ledger, "after kill " + i + " (seed " + seed + ")");
        }
        Process settle = child(out, kind, ledger, doc, "1", "1");
        assertEquals(0, settle.waitFor(), "the run after the kills settles the ledger");
        List<String> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.stream().noneMatch(f -> f.startsWith(".marking-")), "temporary files removed: " + files);
        Ledger book = LedgerStore.open(ledger).read();
        assertTrue(book.problems().isEmpty(), book.problems().toString());
        assertTrue(book.pending().isEmpty(), "nothing left reserved or staged");
        String document = book.lines().get(0).document();
        Set<Integer> numbers = book.issued(document);
        int max = numbers.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals(max, numbers.size(), "no number is lost: 1.." + max + " are all in the ledger");
        Map<String, Integer> reservations = new HashMap<>();
        for (LedgerEntry e : book.lines()) {
            if (e.state() == LedgerEntry.State.RESERVED) {
                reservations.merge(e.copy(), 1, Integer::sum);
            }
        }
        assertTrue(reservations.values().stream().allMatch(n -> n == 1), "no number is taken twice");
        Set<String> issuedFiles = new HashSet<>();
        for (LedgerEntry e : book.entries()) {
            assertEquals(e.sha256(), Digests.sha256(out.resolve(e.file())), "issued copy " + e.copy());
            assertTrue(issuedFiles.add(e.file()));
        }
        assertEquals(issuedFiles, new HashSet<>(files), "every file on disk is an issued copy, and every issued copy is on disk");
        assertTrue(book.entries().size() >= copies + 1, "the complete runs' copies are issued");
    }

    /** Every non-temporary file in {@code out} is staged or issued in the ledger with its own hash. */
    private static void everyCompleteFileIsInTheLedger(Path out, String ledger, String when) throws IOException {
        Ledger book = LedgerStore.open(ledger).read();
        Map<String, LedgerEntry> byFile = new HashMap<>();
        for (LedgerEntry e : book.lines()) {
            if (e.file() != null) {
                byFile.put(e.file(), e);
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.filter(f -> !f.getFileName().toString().startsWith(".marking-")).toList()) {
                LedgerEntry latest = byFile.get(f.getFileName().toString());
                assertTrue(latest != null && latest.sha256() != null, when + ": " + f + " is not in the ledger");
                assertEquals(latest.sha256(), Digests.sha256(f), when + ": " + f + " matches its ledger hash");
            }
        }
    }
}
