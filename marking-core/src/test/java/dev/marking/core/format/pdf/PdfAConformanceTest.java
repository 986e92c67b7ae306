package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marking.core.model.Message;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.testing.ExternalTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Issue 15, acceptance 5: a PDF/A file still validates as the flavour it claims after stamping and
 * restamping (veraPDF, the PDF/A reference validator): no rule fails that did not fail before. The
 * corpus PDF/A-3a file, and PDF/A-1a and PDF/A-2b files LibreOffice exports from the example briefing.
 * veraPDF's verdicts before, after stamping and after restamping go to {@code target/pdfa-verapdf.tsv}.
 */
class PdfAConformanceTest {

    private static final Path TABLE = Path.of("target", "pdfa-verapdf.tsv");

    @TempDir
    static Path made;

    @TempDir
    Path tmp;

    @BeforeAll
    static void veraPdf() throws IOException {
        VeraGreenfieldFoundryProvider.initialise();
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, "file\tclaims\tbefore\tstamped\trestamped\n", StandardCharsets.UTF_8);
    }

    static Stream<Arguments> files() throws Exception {
        List<Arguments> out = new ArrayList<>();
        Path a3 = Corpus.root().resolve("pdf/pdfbox_PDFA3A.pdf");
        if (Files.isRegularFile(a3)) {
            out.add(Arguments.of("corpus PDF/A-3a", a3));
        }
        Path soffice = ExternalTools.require("soffice", "PDF/A-1 and PDF/A-2 files made by LibreOffice");
        Path docx = Path.of("../examples/documents/试验情况简报.docx");
        for (int part : new int[] {1, 2}) {
            Path dir = made.resolve("a" + part);
            PdfTestSupport.Result r = PdfTestSupport.run(List.of(soffice.toString(), "--headless", "--convert-to",
                    "pdf:writer_pdf_Export:{\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"" + part + "\"}}",
                    "--outdir", dir.toString(), docx.toString()));
            Path pdf = dir.resolve("试验情况简报.pdf");
            assertTrue(Files.isRegularFile(pdf), "LibreOffice made no PDF/A-" + part + ": " + r.output());
            out.add(Arguments.of("LibreOffice PDF/A-" + part, pdf));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @NeedsCorpus
    void stampedFileKeepsItsPdfAClaim(String name, Path source) throws Exception {
        Verdict before = validate(source);
        assumeTrue(before.flavour() != PDFAFlavour.NO_FLAVOUR, name + " claims no PDF/A flavour");
        Path once = tmp.resolve("once.pdf");
        List<Message> notes = new ArrayList<>();
        new PdfFormat().stamp(source, once, PdfTestSupport.options(), notes::add);
        Verdict after = validate(once);
        assertEquals(before.flavour(), after.flavour(), "same claim");
        assertTrue(before.failed().containsAll(after.failed()), name + ": rules failing only after stamping: "
                + minus(after.failed(), before.failed()));
        if (before.flavour().getPart().getPartNumber() == 1) {
            assertTrue(notes.stream().anyMatch(n -> n.key().equals("stamp.pdfa-solid")), "says the watermark is solid");
        }
        Path twice = tmp.resolve("twice.pdf");
        new PdfFormat().stamp(once, twice, PdfTestSupport.otherOptions());
        Verdict again = validate(twice);
        assertTrue(before.failed().containsAll(again.failed()), name + ": rules failing only after restamping: "
                + minus(again.failed(), before.failed()));
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, String.join("\t", name, before.flavour().getId(), before.line(), after.line(),
                again.line()) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (before.failed().isEmpty()) {
            assertTrue(after.compliant() && again.compliant(), name + " was compliant and stays so");
        }
    }

    /** What veraPDF says: the flavour the file claims, whether it complies, and the rules that fail. */
    private record Verdict(PDFAFlavour flavour, boolean compliant, Set<String> failed) {

        /** {@code compliant} or {@code N rules fail}, for the table. */
        String line() {
            return compliant ? "compliant" : failed.size() + " rules fail";
        }
    }

    private static Verdict validate(Path pdf) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false)) {
            ValidationResult result = validator.validate(parser);
            Set<String> failed = new TreeSet<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage());
                }
            }
            return new Verdict(parser.getFlavour(), result.isCompliant(), failed);
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
