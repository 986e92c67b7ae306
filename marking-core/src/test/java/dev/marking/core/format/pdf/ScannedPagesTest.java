package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.Scans;
import dev.marking.core.testing.Scans.Noise;
import dev.marking.core.testing.StampCases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no text layer" decision: cheap, and only where it is needed. Every text PDF of the corpus is read
 * without OCR (its only image-only page aside); every page of the corpus scans is found.
 */
class ScannedPagesTest {

    /** A program that is not there: any OCR attempt would show up in the model as an unavailable page. */
    private static final OcrSettings NO_PROGRAM = OcrSettings.fromEnvironment(true).withProgram("/nonexistent/tesseract");

    @TempDir
    Path dir;

    @Test
    void textPdfsOfTheCorpusAreNeverSentToOcr() throws Exception {
        List<String> sent = new ArrayList<>();
        for (Path pdf : Corpus.files("pdf", ".pdf")) {
            ReadModel model;
            try {
                model = new PdfFormat().read(pdf, NO_PROGRAM);
            } catch (DocumentException e) {
                continue; // encrypted, broken: not read at all
            }
            if (!model.scanned().isEmpty()) {
                sent.add(pdf.getFileName() + " " + model.scanned().stream().map(ScannedPage::page).toList());
            }
        }
        // A CCITT G4 image and nothing else on the page; a patent application's page 2, an image of its
        // printed front page (in a file whose other pages are text). The blank pages of page-label tests are not.
        assertEquals(List.of("pdfbox_ccitt4-cib-test.pdf [1]", "pypdf_encrypted_doc_no_id.pdf [2]"), sent);
    }

    @Test
    void everyPageOfTheCorpusScansIsFound() throws Exception {
        for (Path pdf : Corpus.files("scanned", ".pdf")) {
            try (PDDocument doc = PdfDocuments.open(pdf)) {
                List<Integer> found = ScannedPages.find(doc, new PageScan(false, false).collect(doc, 1,
                        doc.getNumberOfPages()));
                assertEquals(IntStream.rangeClosed(1, doc.getNumberOfPages()).boxed().toList(), found, pdf.toString());
            }
        }
    }

    @Test
    void aStampedScanIsStillAScanAndAStampedBlankPageIsBlank() throws Exception {
        Path scan = Scans.imagePdf(dir.resolve("scan.pdf"), List.of(Scans.blank(100, new Noise(0.01, 0, 0), 1)), 100);
        Path stampedScan = Scans.stamped(scan, dir.resolve("scan.stamped.pdf"), StampCases.first());
        assertEquals(List.of(1), new PdfFormat().read(stampedScan, NO_PROGRAM).scanned().stream()
                .map(ScannedPage::page).toList(), "our stamp's few characters over a page-sized image");
        Path empty = PdfFixtures.pdf().page(PdfFixtures.Page.a4()).build(dir.resolve("empty.pdf"), d -> { });
        Path stampedEmpty = Scans.stamped(empty, dir.resolve("empty.stamped.pdf"), StampCases.first());
        assertTrue(new PdfFormat().read(stampedEmpty, NO_PROGRAM).scanned().isEmpty(), "nothing drawn but our stamp");
    }
}
