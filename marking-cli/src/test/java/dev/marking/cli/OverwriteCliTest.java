package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.Fixtures;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, acceptance 2: a run never writes over what it did not create in this run. Each case is
 * refused with one line and exit code 2, and every file in the folder is byte-identical afterwards.
 */
class OverwriteCliTest {

    @TempDir
    Path dir;

    /** Every regular file under {@code dir} with its SHA-256. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Digests.sha256(p));
            }
        }
        return out;
    }

    private static void refusedInOneLine(CliRun r, String expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    private Path docx(String name, String text) {
        return Fixtures.docx().paragraph(text).build(dir.resolve(name));
    }

    @Test
    void aCopyNamedLikeAnotherInputIsRefusedAndNothingChanges() throws Exception {
        Path a = docx("a.docx", "正文");
        Path other = docx("a.000001.docx", "另一份文件");
        Map<String, String> before = snapshot();
        CliRun r = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "1", "--lang", "en", "-o",
                dir.toString(), a.toString(), other.toString());
        refusedInOneLine(r, "a.000001.docx: this is a file the run reads (an input)");
        assertEquals(before, snapshot());
        CliRun forced = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "1", "--overwrite", "--lang", "en",
                "-o", dir.toString(), a.toString(), other.toString());
        refusedInOneLine(forced, "an input");
        assertEquals(before, snapshot(), "--overwrite never touches an input");
    }

    @Test
    void anUnrelatedFileInTheOutputFolderIsReplacedOnlyWithOverwrite() throws Exception {
        Path in = docx("memo.docx", "正文");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path unrelated = Files.writeString(out.resolve("memo.docx"), "someone else's file", StandardCharsets.UTF_8);
        Map<String, String> before = snapshot();
        CliRun r = CliRun.of("stamp", "--level", "机密", "--lang", "en", "-o", out.toString(), in.toString());
        refusedInOneLine(r, "exists already and was not written by this run");
        assertEquals(before, snapshot());

        CliRun forced = CliRun.of("stamp", "--level", "机密", "--overwrite", "-o", out.toString(), in.toString());
        assertEquals(0, forced.exit(), forced.err());
        assertFalse(Files.readString(unrelated, StandardCharsets.ISO_8859_1).startsWith("someone"));
        assertEquals(before.get("memo.docx"), Digests.sha256(in), "the input is untouched");
    }

    @Test
    void theOutputFolderBeingTheInputsFolderIsRefusedEvenWithOverwrite() throws Exception {
        Path in = docx("memo.docx", "正文");
        Map<String, String> before = snapshot();
        refusedInOneLine(CliRun.of("stamp", "--level", "机密", "--overwrite", "--lang", "en", "-o", dir.toString(),
                in.toString()), "an input");
        assertEquals(before, snapshot());
    }

    @Test
    void twoInputsOfTheSameNameFromDifferentFoldersAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        Path x = docx("x/m.docx", "甲");
        Path y = docx("y/m.docx", "乙");
        Map<String, String> before = snapshot();
        CliRun r = CliRun.of("stamp", "--level", "机密", "--lang", "en", "-o", dir.resolve("o").toString(), x.toString(),
                y.toString());
        refusedInOneLine(r, "would be written twice");
        assertEquals(before, snapshot());
        assertFalse(Files.exists(dir.resolve("o/m.docx")), "nothing was written, not even the first copy");

        CliRun folders = CliRun.of("stamp", "--level", "机密", "-o", dir.resolve("o").toString(),
                dir.resolve("x").toString(), dir.resolve("y").toString());
        assertEquals(2, folders.exit(), "folders whose files share a relative path clash too: " + folders.err());
    }

    @Test
    void aReportOrBaselineThatIsAnInputIsRefused() throws Exception {
        Path x = docx("x.docx", "机密★5年");
        Path memo = Files.writeString(dir.resolve("memo.txt"), "机密★5年\n正文\n", StandardCharsets.UTF_8);
        Map<String, String> before = snapshot();
        refusedInOneLine(CliRun.of("verify", "--lang", "en", "--output", x.toString(), x.toString()), "an input");
        refusedInOneLine(CliRun.of("verify", "--lang", "en", "--write-baseline", memo.toString(), memo.toString()),
                "an input");
        refusedInOneLine(CliRun.of("verify", "--lang", "en", "--format", "json", "--output", memo.toString(),
                dir.toString()), "an input");
        assertEquals(before, snapshot());
        CliRun ok = CliRun.of("verify", "--output", dir.resolve("report.txt").toString(), x.toString());
        assertEquals(0, ok.exit(), ok.err());
    }

    @Test
    void numberedCopiesOverAForeignFileAreRefusedBeforeAnyNumberIsTaken() throws Exception {
        Path in = Files.writeString(dir.resolve("d.md"), "# 通知\n\n正文\n", StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("d.000002.md"), "not ours", StandardCharsets.UTF_8);
        Path ledger = dir.resolve("ledger.jsonl");
        Map<String, String> before = snapshot();
        CliRun r = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copies", "3", "--ledger", ledger.toString(),
                "--lang", "en", "-o", out.toString(), in.toString());
        refusedInOneLine(r, "d.000002.md exists already");
        assertEquals(before, snapshot());
        assertFalse(Files.exists(ledger), "no number was reserved");
        Path ledgerNamedLikeACopy = dir.resolve("copies/d.000001.md");
        refusedInOneLine(CliRun.of("stamp", "--level", "机密", "--copies", "1", "--ledger",
                ledgerNamedLikeACopy.toString(), "--lang", "en", "-o", dir.resolve("copies").toString(), in.toString()),
                "an input");
    }
}
