package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbered copies across real processes: two concurrent runs on one ledger, and a run killed with SIGKILL. */
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
        List<JsonNode> entries = lines(ledger);
        assertEquals(120, entries.size());
        Set<String> copies = new HashSet<>();
        for (JsonNode e : entries) {
            assertTrue(copies.add(e.get("copy").asText()), "duplicate copy " + e.get("copy"));
            Path f = out.resolve(e.get("file").asText());
            assertEquals(e.get("sha256").asText(), Digests.sha256(f), "ledger hash of " + f);
        }
        assertEquals("000001", entries.stream().map(e -> e.get("copy").asText()).sorted().findFirst().orElseThrow());
        assertTrue(copies.contains("000120"));
    }

    @Test
    void killedMidBatchLeavesLedgerAndOutputsConsistent() throws Exception {
        Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n" + "正文。".repeat(2000) + "\n");
        Path ledger = dir.resolve("ledger.jsonl");
        Path out = dir.resolve("out");
        Process p = child(out, ledger, doc, "1-5000", "1");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (lines(ledger).size() < 20 && p.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the batch should still be running when killed");
        p.destroyForcibly();
        p.waitFor();
        assertTrue(p.exitValue() != 0);

        List<JsonNode> entries = lines(ledger);
        Set<String> logged = new HashSet<>();
        for (JsonNode e : entries) {
            Path f = out.resolve(e.get("file").asText());
            assertEquals(e.get("sha256").asText(), Digests.sha256(f), "every ledger line matches a complete file");
            logged.add(f.getFileName().toString());
        }
        List<Path> outputs;
        try (Stream<Path> s = Files.list(out)) {
            outputs = s.filter(f -> !f.getFileName().toString().startsWith(".marking-")).toList();
        }
        for (Path f : outputs) {
            String text = Files.readString(f);
            assertTrue(text.startsWith("0") && text.contains("机密★5年") && text.endsWith("\n"),
                    "every output is a complete copy: " + f);
        }
        assertTrue(outputs.size() - logged.size() <= 1, "at most the copy being logged at the kill is unregistered");

        Process again = child(out, ledger, doc, "5", "1");
        assertEquals(0, again.waitFor());
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith(".marking-")),
                    "the next run removes temporary files left by the killed one");
        }
        assertEquals(entries.size() + 5, lines(ledger).size());
    }
}
