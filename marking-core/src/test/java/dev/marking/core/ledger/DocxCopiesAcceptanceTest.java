package dev.marking.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Severity;
import dev.marking.core.model.Term;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.text.Digests;
import dev.marking.core.text.Messages;
import dev.marking.core.text.Widths;
import dev.marking.core.trace.TraceResult;
import dev.marking.core.trace.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, DOCX half: 200 numbered copies of a corpus DOCX through {@link CopyIssuer} each verify with
 * their own copy number and match the ledger; {@link Tracer} names the copy as stamped, after the
 * metadata is stripped and after a LibreOffice re-save (needs {@code soffice}: skipped without it,
 * except on CI, where it fails).
 */
class DocxCopiesAcceptanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final int COPIES = 200;
    private static final String DOCUMENT = "acceptance-docx";
    /** The parts an exiftool-style cleaner removes: custom, core and extended (app) properties. */
    private static final Set<String> METADATA_PARTS = Set.of("docProps/custom.xml", "docProps/core.xml",
            "docProps/app.xml");

    private final FormatRegistry formats = FormatRegistry.standard();

    @TempDir
    Path tmp;

    private static Path corpusFile() {
        return Corpus.file("docx/poi_headerFooter.docx");
    }

    private static StampOptions base() {
        return StampOptions.all(Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)), DOCUMENT, TODAY);
    }

    @Test
    void twoHundredCopiesVerifyWithTheirOwnNumberAndMatchTheLedger() throws Exception {
        Path out = tmp.resolve("out");
        Path ledgerFile = tmp.resolve("ledger.jsonl");
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 1; i <= COPIES; i++) {
            recipients.add(new Recipient("收件人" + i, "第" + (i % 7 + 1) + "处"));
        }
        List<CopyIssuer.Issued> issued = new CopyIssuer(formats, Runtime.getRuntime().availableProcessors())
                .issue(corpusFile(), out, base(), CopyRequest.parse("1-" + COPIES).orElseThrow(), recipients, ledgerFile,
                        n -> { });
        assertEquals(COPIES, issued.size());

        Scanner scanner = Scanner.forPolicy(formats, ScanOptions.of(Policy.defaults(), TODAY, Messages.forLang("en")));
        for (CopyIssuer.Issued copy : issued) {
            FileResult r = scanner.check(copy.file());
            List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            assertTrue(errors.isEmpty(), copy.file().getFileName() + ": " + errors);
            assertEquals(Optional.of(copy.copy()), r.marking().flatMap(Marking::copy), copy.file().getFileName().toString());
        }

        Ledger ledger = Ledger.read(ledgerFile);
        assertEquals(COPIES, ledger.entries().size());
        assertEquals(COPIES, ledger.issued(DOCUMENT).size());
        for (LedgerEntry e : ledger.entries()) {
            Path file = out.resolve(e.file());
            assertEquals(Digests.sha256(file), e.sha256(), e.file());
            int n = Integer.parseInt(e.copy());
            assertEquals(recipients.get(n - 1).label(), e.recipient(), e.file());
        }
        try (var files = Files.list(out)) {
            assertEquals(COPIES, files.count(), "one file per copy, no temporary leftovers");
        }
    }

    @Test
    void traceNamesTheCopyAsStampedAfterMetadataStrippingAndAfterLibreOfficeResave() throws Exception {
        Path out = tmp.resolve("out");
        Path ledgerFile = tmp.resolve("ledger.jsonl");
        Recipient zhang = new Recipient("张三", "办公室");
        List<CopyIssuer.Issued> issued = new CopyIssuer(formats, 2).issue(corpusFile(), out, base(),
                CopyRequest.parse("122-124").orElseThrow(), List.of(new Recipient("甲", ""), zhang, new Recipient("乙", "")),
                ledgerFile, n -> { });
        Path stamped = issued.get(1).file();
        Optional<Ledger> ledger = Optional.of(Ledger.read(ledgerFile));
        Tracer tracer = new Tracer(formats);

        TraceResult asStamped = tracer.trace(stamped, ledger);
        assertSources(asStamped, "as stamped", "metadata", "block", "footer", "watermark", "covert");
        assertTrue(asStamped.exactFile(), "ledger SHA-256 matches the stamped copy");
        assertEquals(Optional.of(zhang.label()), asStamped.recipient());

        Path stripped = stripMetadata(stamped, tmp.resolve("stripped.docx"));
        TraceResult afterStrip = tracer.trace(stripped, ledger);
        assertSources(afterStrip, "metadata stripped", "block", "footer", "watermark", "covert");
        assertFalse(afterStrip.copiesBySource().containsKey("metadata"), "metadata is gone: " + afterStrip);
        assertEquals("000123", afterStrip.ledgerEntry().orElseThrow().copy());
        assertEquals(zhang.label(), afterStrip.ledgerEntry().orElseThrow().recipient());
        // from the watermark text, which the tracer reads width-folded: （办公室） comes back as (办公室)
        assertEquals(Optional.of(Widths.fold(zhang.label())), afterStrip.recipient());

        Path edited = rewrite(stripped, tmp.resolve("edited.docx"), "word/", xml -> xml.replace("000123", ""));
        TraceResult afterEdit = tracer.trace(edited, ledger);
        assertSources(afterEdit, "metadata stripped and every visible 000123 deleted", "covert");
        assertEquals(Set.of("covert"), afterEdit.copiesBySource().keySet());

        Path soffice = soffice();
        Path resaved = resave(soffice, stamped);
        TraceResult afterResave = tracer.trace(resaved, ledger);
        assertSources(afterResave, "LibreOffice re-save", "metadata", "block", "footer", "watermark", "covert");
        assertEquals("000123", afterResave.ledgerEntry().orElseThrow().copy());

        Path strippedResave = resave(soffice, stripped);
        TraceResult both = tracer.trace(strippedResave, ledger);
        assertSources(both, "metadata stripped, then LibreOffice re-save", "block", "footer", "watermark", "covert");
    }

    /** Every named source shows copy 000123, and no source shows another number. */
    private static void assertSources(TraceResult r, String when, String... sources) {
        System.out.println("trace " + when + ": " + r.copiesBySource());
        for (String s : sources) {
            assertEquals("000123", r.copiesBySource().get(s), when + ": source " + s + " in " + r.copiesBySource());
        }
        assertFalse(r.conflicting(), when + ": sources disagree: " + r.copiesBySource());
        assertEquals(Optional.of("000123"), r.copy(), when);
    }

    /** Removes the property parts with their relationships and content types, the way metadata cleaners do. */
    static Path stripMetadata(Path docx, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(docx));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (METADATA_PARTS.contains(e.getName())) {
                    continue;
                }
                byte[] data = in.readAllBytes();
                if (e.getName().equals("_rels/.rels")) {
                    data = without(data, "<Relationship [^>]*Target=\"/?docProps/[a-z]+\\.xml\"[^>]*/>");
                } else if (e.getName().equals("[Content_Types].xml")) {
                    data = without(data, "<Override [^>]*PartName=\"/docProps/[a-z]+\\.xml\"[^>]*/>");
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        try (ZipInputStream check = new ZipInputStream(Files.newInputStream(target))) {
            for (ZipEntry e = check.getNextEntry(); e != null; e = check.getNextEntry()) {
                String text = new String(check.readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(text.contains("marking.copy") || METADATA_PARTS.stream().anyMatch(text::contains),
                        e.getName() + " still names them");
            }
        }
        return target;
    }

    /** Rewrites the XML parts under {@code prefix} with {@code change}. */
    static Path rewrite(Path docx, Path target, String prefix, UnaryOperator<String> change) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(docx));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().startsWith(prefix) && e.getName().endsWith(".xml")) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return target;
    }

    private static byte[] without(byte[] xml, String regex) {
        String s = new String(xml, StandardCharsets.UTF_8);
        String t = s.replaceAll(regex, "");
        assertTrue(t.length() < s.length(), "nothing removed by " + regex);
        return t.getBytes(StandardCharsets.UTF_8);
    }

    private Path resave(Path soffice, Path docx) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve("resaved-" + docx.getFileName()));
        Path log = tmp.resolve("soffice.log");
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + tmp.resolve("lo-profile").toUri(), "--convert-to", "docx:MS Word 2007 XML",
                "--outdir", dir.toString(), docx.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("soffice did not finish in 180 s");
        }
        Path resaved = dir.resolve(docx.getFileName());
        assertTrue(p.exitValue() == 0 && Files.exists(resaved), () -> "soffice failed: " + read(log));
        assertFalse(Files.mismatch(docx, resaved) == -1, "LibreOffice wrote its own package");
        return resaved;
    }

    private static String read(Path log) {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static Path soffice() {
        return ExternalTools.require("soffice", "trace after a LibreOffice re-save");
    }
}
