package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SaveCounter} counts the saves a page leaves open as PDFBox's tokeniser does (the reference below is what
 * stamping used before), on every page of every corpus PDF and on content built to trip a byte-level reader:
 * {@code q} and {@code Q} inside strings, names, comments, hex strings and inline image data.
 */
class SaveCounterTest {

    static List<Path> files() {
        return Corpus.files("pdf", ".pdf");
    }

    @NeedsCorpus
    @ParameterizedTest
    @MethodSource("files")
    void countsWhatPdfBoxsTokeniserCountsOnEveryCorpusPage(Path file) throws IOException {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            return; // a user password: stamping refuses it before any page is touched
        }
        try (doc) {
            int page = 0;
            for (PDPage p : doc.getPages()) {
                page++;
                if (!p.hasContents()) {
                    continue;
                }
                int expected;
                try {
                    expected = reference(p);
                } catch (IOException e) {
                    continue; // content PDFBox cannot tokenise; the stamp fails on it either way
                }
                try (InputStream in = p.getContents()) {
                    assertEquals(expected, SaveCounter.unclosed(in), file.getFileName() + " page " + page);
                }
            }
        }
    }

    @Test
    void qInsideStringsNamesCommentsAndImagesIsNotAnOperator() throws IOException {
        String content = String.join("\n",
                "q q 1 0 0 1 0 0 cm",
                "BT /q 12 Tf (q \\) q ( Q ) q) Tj <71 51> Tj ET % q q q",
                "/Q gs [(q) 1 (Q)] TJ",
                "BI /W 2 /H 1 /BPC 8 /CS /G ID q\nQ EIq EI",
                "q Q Q Q q",
                "<< /q 1 >> BDC EMC");
        assertEquals(reference(content), count(content));
        assertEquals(2, count(content), "the image ends at the first EI followed by text, as in PDFBox");
    }

    @Test
    void balancedContentLeavesNothingOpenAndExtraRestoresDoNotGoNegative() throws IOException {
        assertEquals(0, count("q 0 g 0 0 10 10 re f Q"));
        assertEquals(0, count("Q Q q Q"));
        assertEquals(1, count("Q q"));
        assertEquals(3, count("q\nq\rq\t1 w"));
        assertEquals(0, count("qq QQ Qq"), "tokens longer than one letter are not q or Q");
    }

    @Test
    void anInlineImagesEndIsFoundWhereverItFallsAgainstTheReadBuffer() throws IOException {
        // the look-ahead after EI crosses the 64 KiB read buffer's end, with a source that gives a few bytes per read
        String image = "q BI /W 2 /H 1 /BPC 8 /CS /G ID \u0080 EI\u0081\u0082q EI q";
        for (int pad = 65_536 - 50; pad < 65_536 + 2; pad++) {
            String content = "%" + "x".repeat(pad) + "\n" + image;
            int counted = SaveCounter.unclosed(new FilterInputStream(new ByteArrayInputStream(
                    content.getBytes(StandardCharsets.ISO_8859_1))) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 5));
                }
            });
            assertEquals(reference(content), counted, "padding " + pad);
            assertEquals(2, counted, "padding " + pad);
        }
    }

    @Test
    void tooManyOpenSavesIsALimit() {
        String hostile = "q ".repeat(ContentLimits.MAX_SAVED_STATES + 1);
        ContentLimits.LimitException e = assertThrows(ContentLimits.LimitException.class, () -> count(hostile));
        assertTrue(e.getMessage().contains("10,000"), e.getMessage());
    }

    private static int count(String content) throws IOException {
        return SaveCounter.unclosed(new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static int reference(String content) throws IOException {
        return reference(new PDFStreamParser(content.getBytes(StandardCharsets.ISO_8859_1)).parse());
    }

    /** What stamping counted before: PDFBox's tokens, {@code q} up, {@code Q} down but not below zero. */
    private static int reference(PDPage page) throws IOException {
        List<Object> tokens = new ArrayList<>();
        PDFStreamParser parser = new PDFStreamParser(page);
        for (Object t = parser.parseNextToken(); t != null; t = parser.parseNextToken()) {
            if (t instanceof Operator) {
                tokens.add(t);
            }
        }
        return reference(tokens);
    }

    private static int reference(List<Object> tokens) {
        int depth = 0;
        for (Object t : tokens) {
            if (t instanceof Operator op && "q".equals(op.getName())) {
                depth++;
            } else if (t instanceof Operator op && "Q".equals(op.getName()) && depth > 0) {
                depth--;
            }
        }
        return depth;
    }
}
