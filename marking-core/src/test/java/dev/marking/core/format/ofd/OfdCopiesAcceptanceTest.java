package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.trace.TraceResult;
import dev.marking.core.trace.Tracer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.marking.core.testing.NeedsCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, acceptance 2: 50 numbered copies of the corpus's four-page OFD through {@link CopyIssuer} with
 * a ledger; each verifies with its own number on every page, matches its ledger line, and {@link Tracer}
 * names it from metadata, block, footer and watermark, and still from the visible text once our
 * {@code CustomDatas} are removed from the package.
 */
@NeedsCorpus
class OfdCopiesAcceptanceTest {

    private static final int COPIES = 50;

    @TempDir
    static Path dir;

    private static List<CopyIssuer.Issued> issued;
    private static Path ledger;

    @BeforeAll
    static void issue() throws Exception {
        Path source = OfdTestSupport.corpusFile("easyofdrs_gen_02_multi_page.ofd");
        ledger = dir.resolve("ledger.jsonl");
        StampOptions base = StampOptions.all(Marking.of(OfdTestSupport.level("机密"), new Term.Years(5)), "ofd-50",
                OfdTestSupport.DAY);
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 1; i <= COPIES; i++) {
            recipients.add(new Recipient("收件人" + i, i % 2 == 0 ? "办公室" : ""));
        }
        issued = new CopyIssuer(FormatRegistry.standard(), 2).issue(source, dir.resolve("copies"), base,
                CopyRequest.parse("1-" + COPIES).orElseThrow(), recipients, ledger, n -> { });
    }

    @Test
    void fiftyCopiesVerifyWithTheirOwnNumberOnEveryPageAndMatchTheLedger() throws Exception {
        assertEquals(COPIES, issued.size());
        Scanner scanner = OfdTestSupport.scanner();
        for (CopyIssuer.Issued i : issued) {
            FileResult r = scanner.check(i.file());
            assertEquals(0, r.count(Severity.ERROR), i.file() + ": " + r.findings());
            assertEquals(i.copy(), r.marking().orElseThrow().copy().orElseThrow(), i.file().toString());
            OfdXPath x = new OfdXPath(i.file());
            assertEquals(4, x.pages().size());
            for (String page : x.pages()) {
                assertTrue(x.textObjects(page).stream().anyMatch(t -> t.text().equals("第" + i.copy().formatted() + "份")),
                        "footer of " + page + " in " + i.file());
            }
            assertEquals(i.copy().formatted(), x.customData("marking.copy"));
        }
        List<LedgerEntry> entries = Ledger.read(ledger).entries();
        assertEquals(COPIES, entries.size());
        assertEquals(COPIES, entries.stream().map(LedgerEntry::copy).distinct().count());
        for (CopyIssuer.Issued i : issued) {
            LedgerEntry e = entries.stream().filter(x -> x.file().equals(i.file().getFileName().toString())).findFirst()
                    .orElseThrow();
            assertEquals(sha256(i.file()), e.sha256());
            assertEquals(i.copy().formatted(), e.copy());
        }
    }

    @Test
    void traceNamesEveryCopyFromEverySource() throws Exception {
        for (CopyIssuer.Issued i : issued) {
            TraceResult t = trace(i.file(), i);
            assertEquals(Set.of("metadata", "block", "footer", "watermark"), t.copiesBySource().keySet(), i.file().toString());
            assertTrue(t.exactFile());
            assertEquals(Optional.of(i.recipient().label()), t.recipient());
        }
    }

    @Test
    void traceNamesEveryCopyAfterOurCustomDatasAreRemoved() throws Exception {
        for (CopyIssuer.Issued i : issued) {
            Path stripped = withoutCustomDatas(i.file(), dir.resolve("stripped-" + i.copy().formatted() + ".ofd"));
            assertEquals("", new OfdXPath(stripped).customData("marking.copy"), "metadata gone");
            TraceResult t = trace(stripped, i);
            assertFalse(t.copiesBySource().containsKey("metadata"));
            assertEquals(Set.of("block", "footer", "watermark"), t.copiesBySource().keySet());
            assertFalse(t.conflicting());
        }
    }

    private static TraceResult trace(Path file, CopyIssuer.Issued expected) throws Exception {
        TraceResult r = new Tracer(FormatRegistry.standard()).trace(file, Optional.of(Ledger.read(ledger)));
        assertEquals(Optional.of(expected.copy().formatted()), r.copy(), file + ": " + r.copiesBySource());
        assertEquals(expected.copy().formatted(), r.ledgerEntry().orElseThrow().copy());
        return r;
    }

    /** The package rewritten with {@code DocInfo/CustomDatas} cut out of OFD.xml by text (not by the adapter). */
    private static Path withoutCustomDatas(Path file, Path out) throws IOException {
        Map<String, byte[]> entries = new OfdXPath(file).entries();
        String ofd = new String(entries.get("OFD.xml"), StandardCharsets.UTF_8);
        String cut = ofd.replaceAll("(?s)<ofd:CustomDatas>.*</ofd:CustomDatas>", "");
        assertTrue(cut.length() < ofd.length(), "CustomDatas found");
        entries.put("OFD.xml", cut.getBytes(StandardCharsets.UTF_8));
        return OfdXPath.zip(entries, out);
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
