package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.ledger.CopyIssuer;
import dev.marking.core.ledger.CopyRequest;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerEntry;
import dev.marking.core.ledger.Recipient;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import dev.marking.core.model.Term;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.text.Messages;
import dev.marking.core.trace.TraceResult;
import dev.marking.core.trace.Tracer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 acceptance for PDF: 200 numbered copies through {@link CopyIssuer} verify with their own
 * number and match the ledger; {@link Tracer} names the copy after metadata stripping, {@code qpdf
 * --linearize} and a Ghostscript re-distil. Tools missing are skipped, except on CI.
 */
@NeedsCorpus
class PdfCopiesAcceptanceTest {

    private static final int TRACED = 137;

    @TempDir
    static Path dir;

    private static Path copy;
    private static Path ledgerFile;

    private static Path source() {
        return Corpus.file("pdf/pdfbox_survey.pdf");
    }

    private static StampOptions base(String id) {
        return StampOptions.all(Marking.of(PdfTestSupport.level("机密"), new Term.Years(5)), id, PdfTestSupport.DAY);
    }

    private static List<Recipient> recipients(int n) {
        List<Recipient> out = new ArrayList<>();
        String[] units = {"办公室", "保密处", "", "Logistics Dept."};
        for (int i = 1; i <= n; i++) {
            out.add(new Recipient("收件人" + i, units[i % units.length]));
        }
        return out;
    }

    @BeforeAll
    static void issueOne() throws Exception {
        Path out = dir.resolve("traced");
        ledgerFile = dir.resolve("traced.jsonl");
        List<CopyIssuer.Issued> issued = new CopyIssuer(FormatRegistry.standard(), 2).issue(source(), out,
                base("trace-doc"), new CopyRequest(TRACED, TRACED + 1, 2), recipients(2), ledgerFile, n -> { });
        copy = issued.get(0).file();
    }

    @Test
    void twoHundredCopiesVerifyWithTheirOwnNumberAndMatchTheLedger() throws Exception {
        Path out = dir.resolve("batch");
        Path ledger = dir.resolve("batch.jsonl");
        List<CopyIssuer.Issued> issued = new CopyIssuer(FormatRegistry.standard(),
                Runtime.getRuntime().availableProcessors()).issue(source(), out, base("survey-200"),
                CopyRequest.parse("1-200").orElseThrow(), recipients(200), ledger, n -> { });
        assertEquals(200, issued.size());
        Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(),
                ScanOptions.of(Policy.defaults(), PdfTestSupport.DAY, Messages.forLang("en")));
        for (CopyIssuer.Issued i : issued) {
            FileResult r = scanner.check(i.file());
            assertEquals(0, r.count(Severity.ERROR), i.file() + ": " + r.findings());
            assertEquals(i.copy(), r.marking().orElseThrow().copy().orElseThrow(), i.file().toString());
        }
        List<LedgerEntry> entries = Ledger.read(ledger).entries();
        assertEquals(200, entries.size());
        Map<String, String> shaByFile = new HashMap<>();
        for (LedgerEntry e : entries) {
            shaByFile.put(e.file(), e.sha256());
        }
        for (CopyIssuer.Issued i : issued) {
            assertEquals(PdfTestSupport.sha256(i.file()), shaByFile.get(i.file().getFileName().toString()));
        }
        assertEquals(200, entries.stream().map(LedgerEntry::copy).distinct().count());
    }

    @Test
    void traceReadsEverySourceOfAFreshCopy() throws Exception {
        TraceResult r = trace(copy);
        assertEquals(Set.of("metadata", "block", "footer", "watermark", "covert"), r.copiesBySource().keySet());
        assertTrue(r.exactFile());
        assertEquals(Optional.of("收件人1（保密处）"), r.recipient());
    }

    @Test
    void traceAfterMetadataIsClearedAndTheFileRewritten() throws Exception {
        Path stripped = dir.resolve("stripped.pdf");
        try (PDDocument doc = Loader.loadPDF(copy.toFile())) {
            doc.setDocumentInformation(new PDDocumentInformation());
            doc.getDocumentCatalog().setMetadata(null);
            doc.save(stripped.toFile());
        }
        TraceResult r = trace(stripped);
        assertFalse(r.copiesBySource().containsKey("metadata"));
        assertEquals(Set.of("block", "footer", "watermark", "covert"), r.copiesBySource().keySet());
    }

    @Test
    void traceAfterExiftoolRemovesAllMetadata() throws Exception {
        assumeTrue(PdfTestSupport.tool("exiftool"), "exiftool (libimage-exiftool-perl) is not installed");
        Path stripped = dir.resolve("exif.pdf");
        Files.copy(copy, stripped);
        PdfTestSupport.Result r = PdfTestSupport.run(List.of("exiftool", "-q", "-overwrite_original", "-all=",
                stripped.toString()));
        assertEquals(0, r.code(), r.output());
        assertTrue(trace(stripped).copiesBySource().keySet().containsAll(Set.of("block", "footer", "watermark", "covert")));
        // exiftool's PDF edit is an incremental update (reversible); rewriting the file drops the old revision
        assumeTrue(PdfTestSupport.tool("qpdf"), "qpdf is not installed");
        Path rewritten = dir.resolve("exif-rewritten.pdf");
        assertEquals(0, PdfTestSupport.run(List.of("qpdf", stripped.toString(), rewritten.toString())).code());
        TraceResult t = trace(rewritten);
        assertEquals(Set.of("block", "footer", "watermark", "covert"), t.copiesBySource().keySet());
    }

    @Test
    void traceAfterQpdfLinearize() throws Exception {
        assumeTrue(PdfTestSupport.tool("qpdf"), "qpdf is not installed");
        Path linear = dir.resolve("linear.pdf");
        PdfTestSupport.Result r = PdfTestSupport.run(List.of("qpdf", "--linearize", copy.toString(), linear.toString()));
        assertEquals(0, r.code(), r.output());
        assertEquals(Set.of("metadata", "block", "footer", "watermark", "covert"), trace(linear).copiesBySource().keySet());
    }

    @Test
    void traceAfterGhostscriptRedistil() throws Exception {
        assumeTrue(PdfTestSupport.tool("gs"), "ghostscript is not installed");
        // the default interpreter, and the legacy one (gs 10.0x), which keeps the Chinese text readable
        for (String interpreter : List.of("-dNEWPDF=true", "-dNEWPDF=false")) {
            Path distilled = dir.resolve("distilled" + interpreter + ".pdf");
            PdfTestSupport.Result r = PdfTestSupport.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", interpreter,
                    "-sDEVICE=pdfwrite", "-o", distilled.toString(), copy.toString()));
            assertEquals(0, r.code(), r.output());
            TraceResult t = trace(distilled);
            assertEquals("%06d".formatted(TRACED), t.copiesBySource().get("covert"), t.copiesBySource().toString());
            assertFalse(t.conflicting(), t.copiesBySource().toString());
        }
    }

    private static TraceResult trace(Path file) throws Exception {
        TraceResult r = new Tracer(FormatRegistry.standard()).trace(file, Optional.of(Ledger.read(ledgerFile)));
        assertEquals(Optional.of("%06d".formatted(TRACED)), r.copy(), file + ": " + r.copiesBySource());
        assertEquals("%06d".formatted(TRACED), r.ledgerEntry().orElseThrow().copy());
        return r;
    }
}
