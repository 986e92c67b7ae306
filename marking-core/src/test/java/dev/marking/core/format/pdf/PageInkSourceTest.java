package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.Layout;
import dev.marking.core.model.Message;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.testing.StampCases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout's ink of every page is the same whether the caller renders all pages or a helper renders the odd ones
 * from a second copy of the file (with our earlier stamp taken off both), on long corpus PDFs as they are and after
 * one stamp, which the second copy must take off as the caller's copy does.
 */
class PageInkSourceTest {

    @TempDir
    Path tmp;

    @NeedsCorpus
    @ParameterizedTest
    @ValueSource(strings = {"pdf/pdfbox_cweb.pdf", "pdf/plumber_WARN-Report-for-7-1-2015-to-03-25-2016.pdf",
        "pdf/pypdf_GeoBase_NHNC1_Data_Model_UML_EN.pdf"})
    void aHelperOnATwinGivesTheSameInkAsTheCallerAlone(String relative) throws Exception {
        Path file = Corpus.file(relative);
        assertSameInk(file);
        Path stamped = tmp.resolve("stamped.pdf");
        List<Message> notes = new ArrayList<>();
        new PdfFormat().stamp(file, stamped, StampCases.first(), notes::add);
        assertSameInk(stamped);
    }

    private static void assertSameInk(Path file) throws Exception {
        List<InkMap> alone = inks(file, false);
        List<InkMap> helped = inks(file, true);
        assertTrue(alone.size() >= PageInkSource.MIN_PAGES, file + ": " + alone.size() + " pages");
        assertEquals(alone.size(), helped.size());
        for (int i = 0; i < alone.size(); i++) {
            assertEquals(alone.get(i), helped.get(i), file.getFileName() + " page " + (i + 1));
        }
    }

    private static List<InkMap> inks(Path file, boolean twin) throws Exception {
        PDDocument doc = PdfDocuments.open(file);
        try {
            PageContents.removeEarlierMarkings(doc);
            List<InkMap> out = new ArrayList<>();
            try (PageInkSource ink = PageInkSource.withTwin(doc, Layout.KEEP, twin ? file : null)) {
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    out.add(ink.of(i, PageFrame.of(doc.getPage(i))));
                }
            }
            return out;
        } finally {
            PdfDocuments.close(doc);
        }
    }
}
