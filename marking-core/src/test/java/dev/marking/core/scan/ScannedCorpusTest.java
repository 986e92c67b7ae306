package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.format.ScannedPage.Outcome;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.policy.Policy;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.testing.StampCases;
import dev.marking.core.text.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real scans of the corpus (image-only PDFs: a Chinese book, an English book page, a printed article,
 * one page turned four ways): each is read by OCR without a crash, text is found, and none is clean.
 * Prints what OCR read, for the closing note.
 */
class ScannedCorpusTest {

    static List<Path> scans() {
        return Corpus.files("scanned", ".pdf");
    }

    @NeedsCorpus
    @ParameterizedTest(name = "{0}")
    @MethodSource("scans")
    void isReadByOcrAndNeverClean(Path scan) throws Exception {
        ExternalTools.require("tesseract", "reading the corpus scans by OCR");
        long start = System.nanoTime();
        ReadModel model = new PdfFormat().read(scan, Policy.defaults().ocrSettings());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d pages, %.1f s; %s%n", scan.getFileName(), model.scanned().size(), seconds,
                model.scanned().stream().map(p -> p.page() + ":" + p.outcome()).collect(Collectors.joining(" ")));
        for (TextBlock b : model.body().stream().limit(12).toList()) {
            System.out.println("  " + b.location().describe() + "  " + b.text());
        }
        assertFalse(model.scanned().isEmpty(), "every page is a scan");
        assertTrue(model.scanned().stream().noneMatch(p -> p.outcome().unread()), model.scanned().toString());
        assertTrue(model.scanned().stream().anyMatch(p -> p.outcome() == Outcome.READ), "text found");
        assertTrue(model.body().stream().allMatch(b -> b.location().ocr() != null), "all of it located (OCR)");

        FileResult r = Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(Policy.defaults(), StampCases.DAY,
                Messages.forLang("en")).withThreads(1)).check(scan.toString(), scan.getFileName().toString(), model);
        assertFalse(r.findings().isEmpty(), "a scan is never clean: " + r);
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().equals("file.unreadable")), r.findings().toString());
        assertNotNull(r.format());
        List<ScannedPage> blank = model.scanned().stream().filter(p -> p.outcome() == Outcome.BLANK).toList();
        System.out.println("  findings: " + r.findings().stream().map(f -> f.rule() + "@" + f.location().describe())
                .collect(Collectors.joining("; ")) + (blank.isEmpty() ? "" : "; bands read blank: " + blank.size()));
    }
}
