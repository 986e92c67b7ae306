package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Acceptance 1 and 2 of issue 3 over every PDF of the real-world corpus. */
class PdfCorpusTest {

    private final PdfFormat format = new PdfFormat();

    @TempDir
    Path tmp;

    static List<Path> corpus() throws IOException {
        return Corpus.files("pdf", ".pdf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @NeedsCorpus
    void stampsReadsBackAndRestamps(Path source) throws Exception {
        String before = PdfTestSupport.sha256(source);
        List<String> original = originalPageTexts(source);
        Path out = tmp.resolve("stamped.pdf");
        if (original == null) {
            DocumentException e = assertThrows(DocumentException.class,
                    () -> format.stamp(source, out, PdfTestSupport.options()));
            assertEquals(DocumentException.Kind.ENCRYPTED, e.kind());
            assertEquals(DocumentException.Kind.ENCRYPTED,
                    assertThrows(DocumentException.class, () -> format.read(source)).kind());
            assertFalse(Files.exists(out), "nothing at target");
            return;
        }
        StampOptions options = PdfTestSupport.options();
        if (certifiedNoChanges(source)) {
            DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(source, out, options));
            assertEquals(DocumentException.Kind.REFUSED, e.kind(), "certified, no changes allowed: refused");
            assertFalse(Files.exists(out), "nothing at target");
            assertEquals(original.size(), format.read(source).slots().size(), "still verifiable");
            return;
        }
        format.stamp(source, out, options);
        assertEquals(before, PdfTestSupport.sha256(source), "input unchanged");
        ReadModel model = format.read(out);
        assertNoRedactionItems(model);
        assertStamped(model, options, original.size());
        assertPageTextsKept(original, model);
        assertQpdfCheck(out);
        assertPdftotext(out, options.marking().mark(), null, original.size());

        Path again = tmp.resolve("restamped.pdf");
        StampOptions other = PdfTestSupport.otherOptions();
        format.stamp(out, again, other);
        ReadModel re = format.read(again);
        assertNoRedactionItems(re);
        assertStamped(re, other, original.size());
        assertPageTextsKept(original, re);
        assertFalse(all(re).contains(options.marking().mark()), "old mark gone after restamp");
        assertQpdfCheck(again);
        assertPdftotext(again, other.marking().mark(), options.marking().mark(), original.size());
    }

    private static boolean certifiedNoChanges(Path source) throws IOException {
        try (PDDocument doc = Loader.loadPDF(source.toFile())) {
            return PdfSignatures.certifiedNoChanges(doc);
        }
    }

    /** Page texts of the original, or null when it needs a password. */
    private static List<String> originalPageTexts(Path source) throws IOException {
        try (PDDocument doc = Loader.loadPDF(source.toFile())) {
            List<String> texts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts.add(PdfTestSupport.squash(stripper.getText(doc)));
            }
            return texts;
        } catch (InvalidPasswordException e) {
            return null;
        }
    }

    static void assertStamped(ReadModel model, StampOptions options, int pages) {
        String mark = options.marking().mark();
        assertEquals("pdf", model.format());
        assertEquals(pages, model.slots().size(), "one slot per page");
        for (RunningSlot slot : model.slots()) {
            assertEquals(List.of(mark), slot.header().stream().map(TextBlock::text).toList(), "header of " + slot.unit());
            assertEquals(List.of(PdfTestSupport.squash(options.marking().watermarkText())),
                    slot.watermarks().stream().map(PdfTestSupport::squash).toList(), "watermark of " + slot.unit());
            assertEquals(List.of(options.footerText().orElseThrow()),
                    slot.footer().stream().map(TextBlock::text).toList(), "footer of " + slot.unit());
        }
        assertEquals(options.firstPageBlock(), model.firstPageTop().stream().map(TextBlock::text).toList());
        assertEquals(options.marking().level().name(), model.properties().get(MetadataKeys.LEVEL));
        assertEquals(options.marking().term().canonical(), model.properties().get(MetadataKeys.TERM));
        assertFalse(model.properties().containsKey("xmp." + MetadataKeys.LEVEL), "XMP agrees with Info");
    }

    private static void assertPageTextsKept(List<String> original, ReadModel model) {
        for (int p = 1; p <= original.size(); p++) {
            int page = p;
            String text = model.body().stream().filter(b -> b.location().page() == page).map(TextBlock::text)
                    .collect(Collectors.joining());
            assertEquals(original.get(p - 1), PdfTestSupport.squash(text), "text of page " + p);
        }
    }

    private static String all(ReadModel m) {
        StringBuilder sb = new StringBuilder(m.bodyText());
        m.firstPageTop().forEach(b -> sb.append(b.text()));
        m.slots().forEach(s -> {
            s.header().forEach(b -> sb.append(b.text()));
            s.watermarks().forEach(sb::append);
        });
        return sb.toString();
    }

    static void assertQpdfCheck(Path out) throws Exception {
        if (!PdfTestSupport.tool("qpdf")) {
            return;
        }
        PdfTestSupport.Result r = PdfTestSupport.run(List.of("qpdf", "--check", out.toString()));
        assertEquals(0, r.code(), "qpdf --check found errors or warnings:\n" + r.output());
        assertFalse(r.output().contains("ERROR"), r.output());
    }

    /** Poppler finds {@code mark} on every page and, when given, no trace of the {@code replaced} mark. */
    private static void assertPdftotext(Path out, String mark, String replaced, int pages) throws Exception {
        if (!PdfTestSupport.tool("pdftotext")) {
            return;
        }
        for (int p = 1; p <= pages; p++) {
            PdfTestSupport.Result r = PdfTestSupport.run(List.of("pdftotext", "-raw", "-f", Integer.toString(p), "-l",
                    Integer.toString(p), out.toString(), "-"));
            assertEquals(0, r.code(), r.output());
            String text = PdfTestSupport.squash(r.output());
            assertTrue(text.contains(mark), "pdftotext finds " + mark + " on page " + p);
            assertTrue(replaced == null || !text.contains(replaced), "pdftotext still finds " + replaced + " on page " + p);
        }
    }

    /** Our stamp never reads as fake redaction, and no stampable corpus file has any of its own (issue 4). */
    private static void assertNoRedactionItems(ReadModel model) {
        assertEquals(List.of(), model.hidden().stream()
                .filter(h -> h.kind() == HiddenKind.COVERED_TEXT || h.kind() == HiddenKind.EARLIER_REVISION)
                .map(h -> h.location().describe() + ": " + h.text()).toList());
    }
}
