package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ReadModel;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Acceptance 4: damaged PDFs give a readable model or a clear reason, never a stack trace or a partial output. */
class PdfMalformedTest {

    private final PdfFormat format = new PdfFormat();

    @TempDir
    Path tmp;

    static List<Path> malformed() throws IOException {
        return Corpus.files("malformed", ".pdf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @NeedsCorpus
    void readsOrExplains(Path source) throws Exception {
        String before = PdfTestSupport.sha256(source);
        Path target = Files.createFile(tmp.resolve("out.pdf"));
        try {
            ReadModel model = format.read(source);
            assertFalse(model.slots().isEmpty(), "a readable model has pages");
            format.stamp(source, target, PdfTestSupport.options());
            PdfCorpusTest.assertStamped(format.read(target), PdfTestSupport.options(), model.slots().size());
            PdfCorpusTest.assertQpdfCheck(target);
        } catch (DocumentException e) {
            assertClear(e);
            assertThrows(DocumentException.class, () -> format.stamp(source, target, PdfTestSupport.options()));
            assertFalse(Files.exists(target), "no partial output");
        }
        assertEquals(before, PdfTestSupport.sha256(source), "input unchanged");
    }

    @Test
    void garbageIsUnreadableAndLeavesNoOutput() throws Exception {
        for (String content : List.of("", "%PDF-1.7\n1 0 obj << /Type /Catalog", "PK\u0003\u0004 not a pdf")) {
            Path source = Files.writeString(tmp.resolve("bad.pdf"), content, StandardCharsets.ISO_8859_1);
            Path target = Files.createFile(tmp.resolve("target.pdf"));
            DocumentException read = assertThrows(DocumentException.class, () -> format.read(source));
            assertEquals(DocumentException.Kind.UNREADABLE, read.kind());
            assertClear(read);
            DocumentException stamp = assertThrows(DocumentException.class,
                    () -> format.stamp(source, target, PdfTestSupport.options()));
            assertEquals(DocumentException.Kind.UNREADABLE, stamp.kind());
            assertFalse(Files.exists(target), "no partial output for " + content);
        }
    }

    @Test
    void missingFileIsUnreadable() {
        DocumentException e = assertThrows(DocumentException.class, () -> format.read(tmp.resolve("nope.pdf")));
        assertEquals(DocumentException.Kind.UNREADABLE, e.kind());
    }

    private static void assertClear(DocumentException e) {
        String m = e.getMessage();
        assertTrue(m != null && !m.isBlank(), "has a reason");
        assertFalse(m.contains("\n") || m.contains("\tat ") || m.contains("Exception"), "one plain line: " + m);
    }
}
