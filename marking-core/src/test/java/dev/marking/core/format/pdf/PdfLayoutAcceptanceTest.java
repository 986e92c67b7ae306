package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Message;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15, acceptance 1: every corpus PDF (and the project's own example) is rendered before and after
 * stamping at 72 dpi with the PDFBox renderer; on every page, no dark pixel of our marks falls on the
 * page's own ink (text, lines, images, annotation appearances) in the default layout. Pages whose
 * content had to be shrunk or moved are exactly the ones the stamp's notes name; the other pages' own content
 * renders exactly as before. A table of what happened goes to {@code target/layout-acceptance.tsv}.
 */
class PdfLayoutAcceptanceTest {

    private static final Path TABLE = Path.of("target", "layout-acceptance.tsv");

    private final PdfFormat format = new PdfFormat();

    @TempDir
    Path tmp;

    static Stream<Path> files() throws IOException {
        List<Path> all = new ArrayList<>(Corpus.files("pdf", ".pdf"));
        Path example = Path.of("../examples/documents/年度工作总结.pdf");
        if (Files.isRegularFile(example)) {
            all.add(example);
        }
        return all.stream();
    }

    @BeforeAll
    static void header() throws IOException {
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, "file\tpages\tshrunk pages\tnotes\n", StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @NeedsCorpus
    void marksNeverFallOnTheOriginalsInk(Path source) throws Exception {
        int pages = pages(source);
        if (pages < 0) {
            return; // needs a password: not stampable, covered by PdfCorpusTest
        }
        StampOptions options = PdfTestSupport.options();
        Path out = tmp.resolve("stamped.pdf");
        List<Message> notes = new ArrayList<>();
        try {
            format.stamp(source, out, options, notes::add);
        } catch (DocumentException e) {
            assertEquals(DocumentException.Kind.REFUSED, e.kind(), e.getMessage()); // certified, no changes allowed
            return;
        }
        assertTrue(notes.stream().noneMatch(n -> n.key().equals("stamp.overlap")), "no page gave up: " + notes);
        List<Integer> shrunk = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            int overlap = StampPixels.overlap(StampPixels.marks(out, p), StampPixels.content(out, p));
            assertEquals(0, overlap, source.getFileName() + " page " + (p + 1) + ": dark pixels of our marks on the page's ink");
            assertTrue(StampPixels.dark(StampPixels.marks(out, p)) > 0, "page " + (p + 1) + " carries our marks");
            if (StampPixels.shrunk(out, p)) {
                shrunk.add(p + 1);
            } else if (p > 0 || notes.stream().noneMatch(n -> n.key().startsWith("stamp.earlier"))) {
                assertEquals(0, StampPixels.differing(StampPixels.page(source, p), StampPixels.content(out, p)),
                        "page " + (p + 1) + " not shrunk: its own content is untouched");
            }
        }
        List<Integer> said = new ArrayList<>();
        notes.stream().filter(n -> n.key().startsWith("stamp.shrunk") || n.key().equals("stamp.moved"))
                .forEach(n -> said.addAll(pagesOf(n.args().get(0).toString())));
        assertEquals(shrunk, said.stream().sorted().toList(), "the notes name exactly the pages shrunk or moved");
        Files.writeString(TABLE, source.getFileName() + "\t" + pages + "\t" + LayoutNotes.pages(shrunk) + "\t"
                + notes.stream().map(n -> n.key() + n.args()).toList() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** The pages of {@code 1, 3–5}. */
    private static List<Integer> pagesOf(String ranges) {
        List<Integer> out = new ArrayList<>();
        for (String part : ranges.split(",\\s*")) {
            String[] ends = part.split("–");
            for (int p = Integer.parseInt(ends[0]); p <= Integer.parseInt(ends[ends.length - 1]); p++) {
                out.add(p);
            }
        }
        return out;
    }

    private static int pages(Path source) throws IOException {
        try (PDDocument doc = Loader.loadPDF(source.toFile())) {
            return doc.getNumberOfPages();
        } catch (InvalidPasswordException e) {
            return -1;
        }
    }
}
