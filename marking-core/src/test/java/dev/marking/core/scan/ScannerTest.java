package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {

    @TempDir
    Path dir;

    private final MarkingParser parser = MarkingParser.standard();
    private final Scanner scanner = new Scanner(FormatRegistry.standard(), RuleRegistry.standard().rules(parser),
            new ScanOptions(LocalDate.of(2026, 11, 23), Messages.forLang("en"), parser, 2));

    @Test
    void walksFoldersSkipsBuildFoldersAndSortsResults() throws IOException {
        Files.createDirectories(dir.resolve("b/target"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/z.md"), "机密★5年\n正文\n");
        Files.writeString(dir.resolve("a.txt"), "正文\n");
        Files.writeString(dir.resolve("b/target/ignored.txt"), "正文\n");
        Files.writeString(dir.resolve(".git/ignored.txt"), "正文\n");
        Files.writeString(dir.resolve("notes.xyz"), "not ours\n");
        ScanResult r = scanner.scan(List.of(dir));
        assertEquals(2, r.files().size());
        assertEquals(List.of(SkippedFile.Reason.NOT_DOCUMENT, SkippedFile.Reason.FOLDER, SkippedFile.Reason.FOLDER),
                r.skipped().stream().map(SkippedFile::reason).sorted().toList(), "listed, not silently left out");
        assertTrue(r.files().get(0).path().endsWith("a.txt"));
        assertEquals("marking.missing", r.files().get(0).findings().get(0).rule());
        assertTrue(r.files().get(1).findings().isEmpty());
        assertTrue(r.hasErrors());
    }

    @Test
    void unsupportedOrUnreadableFilesNamedExplicitlyAreFindings() throws IOException {
        Path odd = Files.writeString(dir.resolve("notes.xyz"), "x");
        Path bin = Files.write(dir.resolve("bin.md"), new byte[] {0, 1, 2});
        ScanResult r = scanner.scan(List.of(odd, bin));
        List<Finding> all = r.files().stream().flatMap(f -> f.findings().stream()).toList();
        assertEquals(List.of("file.unreadable", "file.unsupported"), all.stream().map(Finding::rule).toList());
        assertTrue(all.get(0).message().startsWith("cannot read the file: "));
        assertEquals("not a document marking reads: text without a document extension (.xyz)", all.get(1).message());
    }

    @Test
    void stamperWritesAtomicallyAndLeavesNothingOnFailure() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "正文\n");
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("out");
        Marking m = Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(2));
        Stamper stamper = new Stamper(FormatRegistry.standard());
        Path written = stamper.stamp(in, out, StampOptions.all(m, "id", LocalDate.now()));
        assertEquals(out.resolve("in.txt"), written);
        assertArrayEquals(before, Files.readAllBytes(in));
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {0, 0});
        assertThrows(DocumentException.class, () -> stamper.stamp(bad, out, StampOptions.all(m, "id", LocalDate.now())));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("in.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(scanner.scan(List.of(written)).hasErrors());
    }

    @Test
    void stampedFilesGetTheUmaskModeNotPrivateTempMode() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "正文\n");
        Marking m = Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(2));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path written = new Stamper(FormatRegistry.standard()).stamp(in, out, StampOptions.all(m, "id", LocalDate.now()));
        Path plain = Files.writeString(out.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void stamperRefusesToOverwriteItsInput() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "正文\n");
        Marking m = Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(2));
        DocumentException e = assertThrows(DocumentException.class,
                () -> new Stamper(FormatRegistry.standard()).stamp(in, dir, StampOptions.all(m, "id", LocalDate.now())));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertEquals("正文\n", Files.readString(in));
    }
}
