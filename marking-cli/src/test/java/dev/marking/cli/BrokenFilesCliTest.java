package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encrypted and damaged real files through the CLI: verify reports them (exit 1, one finding, no stack
 * trace), stamp refuses them in one line (exit 2) and writes nothing, and the inputs are never modified.
 */
class BrokenFilesCliTest {

    @TempDir
    Path out;

    static Stream<Path> broken() {
        List<Path> files = new ArrayList<>(Corpus.files("malformed", ""));
        for (String encrypted : List.of("docx/poi_bug53475-password-is-pass.docx", "docx/poi_protected_agile.docx",
                "pdf/pdfbox_PasswordSample-256bit.pdf", "pdf/pdfbox_PasswordSample-40bit.pdf",
                "pdf/pypdf_crazyones-encrypted-256.pdf", "pdf/plumber_password-example.pdf")) {
            files.add(Corpus.file(encrypted));
        }
        return files.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    @NeedsCorpus
    void verifyReportsStampRefusesInputUnchanged(Path file) throws Exception {
        byte[] before = Files.readAllBytes(file);
        CliRun verify = CliRun.of("verify", "--lang", "en", "--format", "json", file.toString());
        assertFalse(verify.out().contains("\tat ") || verify.err().contains("\tat "), "no stack trace: " + verify.err());
        boolean encrypted = verify.out().contains("\"file.encrypted\"");
        // A damaged file fails as unreadable; one whose content is a document of another kind (a theme package named
        // .docx) as unsupported: either way it fails closed.
        boolean unreadable = verify.out().contains("\"file.unreadable\"") || verify.out().contains("\"file.unsupported\"");
        if (encrypted || unreadable) {
            assertEquals(1, verify.exit(), verify.out());
            CliRun stamp = CliRun.of("stamp", "--level", "机密", "--term", "5", "-o", out.toString(), file.toString());
            assertEquals(2, stamp.exit());
            assertEquals(1, stamp.err().lines().count(), stamp.err());
            assertTrue(stamp.err().startsWith("marking: " + file + ": "), stamp.err());
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of(), s.toList(), "no output for " + file);
            }
        } else {
            assertTrue(file.toString().contains("malformed") && file.toString().endsWith(".pdf"),
                    "only damaged PDFs that PDFBox repairs may be read: " + file);
            CliRun stamp = CliRun.of("stamp", "--level", "机密", "--term", "5", "-o", out.toString(), file.toString());
            assertEquals(0, stamp.exit(), stamp.err());
            assertEquals(0, CliRun.of("verify", out.toString()).exit(), "the repaired copy verifies clean");
        }
        assertArrayEquals(before, Files.readAllBytes(file), "input unchanged: " + file);
    }
}
