package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.report.TextReportWriter;
import dev.marking.core.testing.SpecialFiles;
import dev.marking.core.text.Messages;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, file walking: a named pipe never blocks a scan, a symlinked document is checked, a link loop ends, an
 * unreadable folder is a finding naming it while the rest is checked, and names cannot forge report lines.
 */
class HostileTreeTest {

    private static final Duration BUDGET = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ScanOptions options = ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 12, 1),
            Messages.forLang("en")).withThreads(2);
    private final Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(), options);

    private static Map<String, List<String>> byName(ScanResult r) {
        Map<String, List<String>> out = new TreeMap<>();
        for (FileResult f : r.files()) {
            String name = f.path().endsWith("/") ? Path.of(f.path()).getFileName() + "/" : Path.of(f.path()).getFileName()
                    .toString();
            out.put(name, f.findings().stream().map(x -> x.rule() + ": " + x.message()).toList());
        }
        return out;
    }

    @Test
    void aNamedPipeNamedOrFoundIsAFindingAndNothingBlocks() throws Exception {
        Files.writeString(dir.resolve("a.md"), "公开\n正文\n");
        Path fifo = SpecialFiles.fifo(dir.resolve("p.txt"));
        FileResult named = assertTimeoutPreemptively(BUDGET, () -> scanner.check(fifo));
        assertEquals(List.of("file.unreadable: not a regular file but a named pipe (FIFO): not opened, not checked"),
                named.findings().stream().map(x -> x.rule() + ": " + x.message()).toList());
        ScanResult walked = assertTimeoutPreemptively(BUDGET, () -> scanner.scan(List.of(dir)));
        assertEquals(List.of(), byName(walked).get("a.md"));
        assertEquals(List.of("file.unreadable: not a regular file but a named pipe (FIFO): not opened, not checked"),
                byName(walked).get("p.txt"));
    }

    @Test
    void aSymlinkedDocumentIsCheckedAndLinkLoopsEnd() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("secret.md"), "正文，没有密级\n");
        SpecialFiles.link(docs.resolve("secret.md"), elsewhere.resolve("secret.md"));
        SpecialFiles.link(docs.resolve("again"), docs);
        SpecialFiles.link(docs.resolve("gone.md"), dir.resolve("nowhere.md"));
        ScanResult r = assertTimeoutPreemptively(BUDGET, () -> scanner.scan(List.of(docs)));
        Map<String, List<String>> files = byName(r);
        assertEquals(List.of("marking.missing"), files.get("secret.md").stream().map(s -> s.split(":")[0]).toList(),
                "a document reached through a link is checked, not skipped");
        assertEquals(List.of("file.unreadable: a symbolic link to " + dir.resolve("nowhere.md") + ", which does not exist"),
                files.get("gone.md"));
        assertEquals(List.of(SkippedFile.Reason.LINK), r.skipped().stream().map(SkippedFile::reason).toList());
        assertTrue(r.hasErrors());
    }

    @Test
    void anUnreadableFolderIsAFindingNamingItAndTheReasonWhileTheRestIsChecked() throws Exception {
        Files.writeString(dir.resolve("a.md"), "公开\n正文\n");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("secret.md"), "正文\n");
        FileSelection failing = new FileSelection(Policy.defaults(), List.of(), List.of(), folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            try (var s = Files.list(folder)) {
                return s.sorted().toList();
            }
        });
        ScanOutcome o = scanner.scan(failing.select(List.of(dir)), ScanListener.NONE, ScanCache.disabled());
        Map<String, List<String>> files = byName(o.result());
        assertEquals(List.of(), files.get("a.md"));
        assertEquals(List.of("file.unreadable: cannot open the folder (permission denied): nothing in it was checked"),
                files.get("locked/"));
        assertEquals("folder", o.result().files().stream().filter(f -> f.path().endsWith("locked/")).findFirst()
                .orElseThrow().format());
    }

    @Test
    void anUnreadableFolderWithRealPermissionsIsReportedToo() throws Throwable {
        Files.writeString(dir.resolve("a.md"), "公开\n正文\n");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("secret.md"), "正文\n");
        SpecialFiles.withoutPermissions(locked, () -> {
            Map<String, List<String>> files = byName(scanner.scan(List.of(dir)));
            assertEquals(List.of("file.unreadable: cannot open the folder (permission denied): nothing in it was checked"),
                    files.get("locked/"));
            assertEquals(List.of(), files.get("a.md"));
        });
    }

    @Test
    void namesWithNewlinesEscapesAndBidiOverridesCannotForgeReportLines() throws Exception {
        String forged = "a\n  error   marking.missing       forged.md\u001b[8m\u202egpj.md";
        Path file;
        try {
            file = Files.writeString(dir.resolve(forged), "正文\n");
        } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system refuses such names: " + e);
            return;
        }
        StringWriter out = new StringWriter();
        new TextReportWriter(Messages.forLang("en")).write(scanner.scan(List.of(file)), out);
        String text = out.toString();
        assertTrue(text.contains("a\\n  error   marking.missing       forged.md\\x1b[8m\\u202egpj.md  [unmarked]"), text);
        assertEquals(4, text.lines().count(), "the file, its finding, the policy, the summary: " + text);
        assertTrue(text.codePoints().noneMatch(c -> c == 0x1b || c == 0x202e), text);
        Finding f = scanner.check(file).findings().get(0);
        assertEquals("marking.missing", f.rule());
    }
}
