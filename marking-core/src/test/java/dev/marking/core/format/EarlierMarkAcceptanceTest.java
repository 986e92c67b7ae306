package dev.marking.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Message;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 3: the example briefing {@code 试验情况简报.docx} starts with a hand-typed
 * {@code 秘密★5年}; stamped as 机密, both the DOCX and its PDF (exported by LibreOffice) show only
 * {@code 机密★5年} on page 1, and verify finds no {@code marking.*} disagreement. The PDF's old line is
 * taken out of the content stream, and the stamp says so.
 */
class EarlierMarkAcceptanceTest {

    private static final Path BRIEFING = Path.of("../examples/documents/试验情况简报.docx");

    @TempDir
    Path tmp;

    @Test
    void briefingStampedAsJimiShowsOneLevel() throws Exception {
        assertTrue(Files.isRegularFile(BRIEFING), "example missing: " + BRIEFING.toAbsolutePath());
        LibreOffice lo = LibreOffice.in(tmp, "the example briefing as PDF and the stamped DOCX as LibreOffice shows it");
        Path pdf = lo.convert(List.of(BRIEFING), LibreOffice.PDF, tmp.resolve("original")).get(0);
        assertTrue(pageOne(pdf).contains("秘密"), "the original PDF carries the hand-typed 秘密★5年");

        StampOptions options = StampOptions.all(Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(1)), "briefing", LocalDate.of(2026, 11, 30));
        Path stampedDocx = Files.createDirectories(tmp.resolve("stamped")).resolve("试验情况简报.docx");
        new DocxFormat().stamp(BRIEFING, stampedDocx, options);
        Path stampedPdf = tmp.resolve("stamped").resolve("试验情况简报.pdf");
        List<Message> notes = new ArrayList<>();
        new PdfFormat().stamp(pdf, stampedPdf, options, notes::add);
        assertTrue(notes.contains(Message.of("stamp.earlier-removed", "秘密★5年")), "says what it removed: " + notes);

        Path docxShown = lo.convert(List.of(stampedDocx), LibreOffice.PDF, tmp.resolve("shown")).get(0);
        for (Path shown : List.of(docxShown, stampedPdf)) {
            String page = pageOne(shown);
            assertFalse(page.contains("秘密"), shown.getFileName() + " page 1 still shows 秘密: " + page);
            assertTrue(page.contains("机密5年"), shown.getFileName() + " page 1 shows 机密★5年: " + page);
            assertTrue(page.contains("试验情况简报"), "the title is kept: " + page);
        }
        for (Path stamped : List.of(stampedDocx, stampedPdf)) {
            FileResult result = scanner().check(stamped);
            assertEquals(List.of(), result.findings().stream().filter(f -> f.rule().startsWith("marking."))
                    .map(f -> f.rule() + ": " + f.message()).toList(), stamped.getFileName().toString());
        }
    }

    /** Page 1's text without white space and ★ (LibreOffice draws ★ in another font; extraction may move it). */
    private static String pageOne(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            return s.getText(doc).replaceAll("[\\s★\\u200B-\\u200D\\u2060]+", "");
        }
    }

    private static Scanner scanner() {
        MarkingParser parser = MarkingParser.standard();
        return new Scanner(FormatRegistry.standard(), RuleRegistry.standard().rules(parser),
                new ScanOptions(LocalDate.of(2026, 11, 30), Messages.forLocale(Locale.ENGLISH), parser, 1));
    }
}
