package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerEntry;
import dev.marking.core.testing.ChildJvm;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, acceptance 3, with real processes and a real file system running out of room under the
 * ledger: a 64 KiB tmpfs filled to the last page (needs root to mount; CI runs as root), and a file-size
 * limit ({@code ulimit -f}, RLIMIT_FSIZE, which the JVM meets as "File too large") that works anywhere on
 * Linux. Runs keep stamping one copy at a time into the full ledger: each either succeeds or fails in one
 * line with exit code 2, the ledger is never torn, every copy on disk is in it with its hash, and once
 * there is room again the next run settles everything.
 */
class LedgerFullDiskTest {

    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private Run stamp(Path ledger, Path out, Path doc, String copies, String fileSizeLimitKib) throws Exception {
        List<String> java = ChildJvm.check(List.of("-Xmx256m", "-XX:-UsePerfData"), "dev.marking.cli.Main",
                List.of("stamp", "--level", "机密", "--term", "5", "--copies", copies, "--threads", "1", "--lang", "en",
                        "--ledger", ledger.toString(), "-o", out.toString(), doc.toString()));
        List<String> cmd = new ArrayList<>();
        if (fileSizeLimitKib != null) {
            cmd.addAll(List.of("bash", "-c", "ulimit -f " + fileSizeLimitKib + " && exec \"$@\"", "stamp"));
        }
        cmd.addAll(java);
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "stamp finished");
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aLedgerOnAFullTmpfsIsNeverTorn() throws Exception {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/bin/mount"))) {
            ExternalTools.unavailable("mounting a tmpfs needs root; the full-file-system ledger test runs as root on CI");
        }
        Path fs = Files.createDirectories(dir.resolve("fs"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k,mode=700", "tmpfs", fs.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mount.waitFor() != 0) {
            ExternalTools.unavailable("cannot mount a tmpfs here (" + why.strip() + ")");
        }
        try {
            Path ledger = fs.resolve("L.jsonl");
            Path out = dir.resolve("out");
            Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n正文\n", StandardCharsets.UTF_8);
            assertEquals(0, stamp(ledger, out, doc, "3", null).exit());
            Path filler = fs.resolve("filler");
            fill(filler);
            runsIntoTheLimit(ledger, out, doc, null, "No space left on device");
            Files.delete(filler);
            settlesOnceThereIsRoom(ledger, out, doc);
        } finally {
            new ProcessBuilder("umount", fs.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aLedgerPastTheFileSizeLimitIsNeverTorn() throws Exception {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            ExternalTools.unavailable("ulimit -f (RLIMIT_FSIZE) is tried on Linux");
        }
        Path ledger = dir.resolve("L.jsonl");
        Path out = dir.resolve("out");
        Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n正文\n", StandardCharsets.UTF_8);
        assertEquals(0, stamp(ledger, out, doc, "12", null).exit());
        String limit = String.valueOf(Files.size(ledger) / 1024 + 2);
        runsIntoTheLimit(ledger, out, doc, limit, "File too large");
        settlesOnceThereIsRoom(ledger, out, doc);
    }

    /** Stamps one copy at a time until the ledger cannot grow; checks the ledger after every run. */
    private void runsIntoTheLimit(Path ledger, Path out, Path doc, String limit, String reason) throws Exception {
        int failures = 0;
        for (int i = 0; i < 12; i++) {
            Run r = stamp(ledger, out, doc, "1", limit);
            if (r.exit() != 0) {
                failures++;
                assertEquals(2, r.exit(), r.err());
                assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
                assertTrue(r.err().contains(reason), r.err());
            }
            Ledger read = Ledger.read(ledger);
            assertTrue(read.problems().isEmpty(), "run " + i + ": the ledger is not torn: " + read.problems());
            everyFileOnDiskIsInTheLedger(read, out);
        }
        assertTrue(failures >= 3, "the runs met the limit: " + failures + " failed");
    }

    private void settlesOnceThereIsRoom(Path ledger, Path out, Path doc) throws Exception {
        Run r = stamp(ledger, out, doc, "2", null);
        assertEquals(0, r.exit(), r.err());
        Ledger done = Ledger.read(ledger);
        assertTrue(done.pending().isEmpty(), "every copy is settled");
        String document = done.lines().get(0).document();
        Set<Integer> numbers = done.issued(document);
        assertEquals(numbers.stream().mapToInt(Integer::intValue).max().orElseThrow(), numbers.size(),
                "no number is lost");
        List<String> onDisk;
        try (Stream<Path> s = Files.list(out)) {
            onDisk = s.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertFalse(onDisk.stream().anyMatch(f -> f.startsWith(".marking-")), "no temporary file is left: " + onDisk);
        assertEquals(done.entries().stream().map(LedgerEntry::file).sorted().toList(), onDisk,
                "every file on disk is an issued copy, and every issued copy is on disk");
        everyFileOnDiskIsInTheLedger(done, out);
    }

    private static void everyFileOnDiskIsInTheLedger(Ledger ledger, Path out) throws IOException {
        Map<String, LedgerEntry> latest = new HashMap<>();
        ledger.lines().forEach(e -> latest.put(e.file(), e));
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.filter(f -> !f.getFileName().toString().startsWith(".marking-")).toList()) {
                LedgerEntry e = latest.get(f.getFileName().toString());
                assertTrue(e != null && e.sha256() != null, f + " is in the ledger with its hash");
                assertEquals(e.sha256(), Digests.sha256(f), f + " is the copy the ledger recorded");
            }
        }
    }

    /** Writes until the file system is full. */
    private static void fill(Path filler) {
        byte[] block = new byte[512];
        try (OutputStream os = Files.newOutputStream(filler)) {
            while (true) {
                os.write(block);
                os.flush();
            }
        } catch (IOException full) {
            assertTrue(full.getMessage().contains("No space left"), full.getMessage());
        }
    }
}
