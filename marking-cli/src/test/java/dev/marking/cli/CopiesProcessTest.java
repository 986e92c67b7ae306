package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerEntry;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbered copies across real processes: two concurrent runs on one ledger, and runs killed with SIGKILL. */
class CopiesProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process child(Path out, Path ledger, Path doc, String copies, String threads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.marking.cli.Main", "stamp",
                "--level", "机密", "--term", "5", "--copies", copies, "--threads", threads, "--ledger", ledger.toString(),
                "-o", out.toString(), doc.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child-" + System.nanoTime()
                + ".log").toFile()).start();
    }

    private static List<JsonNode> lines(Path ledger) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(ledger)) {
            return out;
        }
        for (String l : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    @Test
    void twoConcurrentRunsNeverIssueTheSameNumber() throws Exception {
        Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n正文\n");
        Path ledger = dir.resolve("ledger.jsonl");
        Path out = dir.resolve("out");
        Process a = child(out, ledger, doc, "60", "2");
        Process b = child(out, ledger, doc, "60", "2");
        assertEquals(0, a.waitFor(), "first run");
        assertEquals(0, b.waitFor(), "second run");
        List<LedgerEntry> entries = Ledger.read(ledger).entries();
        assertEquals(120, entries.size());
        assertEquals(360, lines(ledger).size(), "each copy reserved, staged and confirmed");
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
     * Issue 18, acceptance 3: twenty runs of 300 copies, each killed with SIGKILL at a random moment (from
     * JVM start to the last copy). After every kill each complete file on disk is in the ledger with its
     * hash; after the next run no temporary file is left, every number ever taken is issued or void
     * exactly once, and the numbers have no gaps.
     */
    @Test
    void killedAtTwentyRandomPointsNoCopyIsLostOrIssuedTwice() throws Exception {
        Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n" + "正文。".repeat(500) + "\n");
        Path ledger = dir.resolve("ledger.jsonl");
        Path out = dir.resolve("out");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant t0 = Instant.now();
        Process whole = child(out, ledger, doc, "300", "2");
        assertEquals(0, whole.waitFor(), "a run that is not killed completes");
        long fullMillis = Duration.between(t0, Instant.now()).toMillis();
        for (int i = 0; i < 20; i++) {
            Process p = child(out, ledger, doc, "300", "2");
            Thread.sleep(random.nextInt((int) fullMillis));
            p.destroyForcibly();
            p.waitFor();
            everyCompleteFileIsInTheLedger(out, ledger, "after kill " + i + " (seed " + seed + ")");
        }
        Process settle = child(out, ledger, doc, "1", "1");
        assertEquals(0, settle.waitFor(), "the run after the kills settles the ledger");
        List<String> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.stream().noneMatch(f -> f.startsWith(".marking-")), "temporary files removed: " + files);
        Ledger book = Ledger.read(ledger);
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
        assertTrue(book.entries().size() >= 301, "the complete runs' copies are issued");
    }

    /** Every non-temporary file in {@code out} is staged or issued in the ledger with its own hash. */
    private static void everyCompleteFileIsInTheLedger(Path out, Path ledger, String when) throws IOException {
        Ledger book = Ledger.read(ledger);
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
