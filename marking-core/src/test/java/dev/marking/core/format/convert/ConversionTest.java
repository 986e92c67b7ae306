package dev.marking.core.format.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.ledger.CopyIssuer;
import dev.marking.core.ledger.CopyRequest;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.Stamper;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.testing.Verify;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stamping formats that are never written: converted by LibreOffice to their modern counterpart and stamped
 * as that ({@code 报告.doc} → {@code 报告.000001.docx}), or refused with one line saying how. The stamped
 * copies are checked by verify and by LibreOffice's own PDF export read with {@code pdftotext}.
 */
class ConversionTest {

    private static final FormatRegistry FORMATS = FormatRegistry.standard();

    @TempDir
    Path dir;

    private static StampOptions options(int copy) {
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5));
        return StampOptions.all(copy > 0 ? m.withCopy(new CopyNumber(copy)) : m, "conv-1", Verify.TODAY).withConvert(true);
    }

    private Path wordFile(String name) throws Exception {
        Path docx = Fixtures.docx().header("项目组").paragraph("试验简报").paragraph("第二段正文")
                .build(Files.createDirectories(dir.resolve("src")).resolve("报告.docx"));
        Path doc = lo().convert(docx, "doc", dir.resolve("src"));
        return Files.move(doc, doc.resolveSibling(name));
    }

    @Test
    void docConvertsToDocxWithoutStackingSuffixes() throws Exception {
        Path doc = wordFile("报告.doc");
        byte[] before = Files.readAllBytes(doc);
        Path out = new Stamper(FORMATS).stamp(doc, dir.resolve("out"), options(1));
        assertEquals("报告.000001.docx", out.getFileName().toString());
        assertArrayEquals(before, Files.readAllBytes(doc), "input unchanged");
        assertEquals(List.of(out), list(dir.resolve("out")), "nothing else written");
        assertStampedAndTextKept(out, "000001");
    }

    @Test
    void kingsoftWriterAndRtfConvertToo() throws Exception {
        Path wps = wordFile("纪要.wps");
        Path stampedWps = new Stamper(FORMATS).stamp(wps, dir.resolve("out"), options(0));
        assertEquals("纪要.docx", stampedWps.getFileName().toString());
        assertStampedAndTextKept(stampedWps, null);

        Path rtf = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("通知.rtf"),
                "{\\rtf1\\ansi\\ansicpg936\\deff0"
                + "{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\pard \\'ca\\'d4\\'d1\\'e9\\'bc\\'f2\\'b1\\'a8\\par}",
                StandardCharsets.US_ASCII);
        Path stampedRtf = new Stamper(FORMATS).stamp(rtf, dir.resolve("out"), options(2));
        assertEquals("通知.000002.docx", stampedRtf.getFileName().toString());
        assertStampedAndTextKept(stampedRtf, "000002");
    }

    @Test
    void numberedCopiesOfALegacyFileAreDocxAndRegistered() throws Exception {
        Path doc = wordFile("报告.doc");
        Path ledger = dir.resolve("ledger.jsonl");
        List<CopyIssuer.Issued> issued = new CopyIssuer(FORMATS, 2).issue(doc, dir.resolve("copies"), options(0),
                new CopyRequest(1, 2, 2), List.of(), ledger, n -> { });
        assertEquals(List.of("报告.000001.docx", "报告.000002.docx"),
                issued.stream().map(i -> i.file().getFileName().toString()).toList());
        assertEquals(List.of("报告.000001.docx", "报告.000002.docx"),
                Ledger.read(ledger).entries().stream().map(e -> e.file()).sorted().toList());
        assertEquals("000002", Verify.check(issued.get(1).file()).marking().orElseThrow().copy().orElseThrow().formatted());
    }

    @Test
    void refusedWithOneLineWithoutConvertOrWithoutLibreOffice() throws Exception {
        Path doc = Files.copy(LegacyBinaries.xlsLike(dir), dir.resolve("报告.xls"));
        Path out = dir.resolve("out");
        DocumentException without = assertThrows(DocumentException.class,
                () -> new Stamper(FORMATS).stamp(doc, out, options(1).withConvert(false)));
        assertEquals(Kind.REFUSED, without.kind());
        assertEquals("报告.xls is a legacy Excel file: stamp it with --convert (needs LibreOffice) or save it as .xlsx",
                without.getMessage());
        Path rtf = Files.writeString(dir.resolve("a.rtf"), "{\\rtf1 x\\par}");
        DocumentException noOffice = assertThrows(DocumentException.class,
                () -> new Stamper(FORMATS, Optional::empty).stamp(rtf, out, options(1)));
        assertEquals("a.rtf is an RTF file: --convert needs LibreOffice (soffice), which was not found; install it or"
                + " save the file as .docx", noOffice.getMessage());
        Path locked = LegacyBinaries.xlsLike(Files.createDirectories(dir.resolve("locked")), "secret");
        DocumentException encrypted = assertThrows(DocumentException.class,
                () -> new Stamper(FORMATS).stamp(locked, out, options(1).withConvert(false)));
        assertEquals(Kind.ENCRYPTED, encrypted.kind(), "its own reason, not --convert: " + encrypted.getMessage());
        assertEquals(List.of(), list(out), "no partial output");
    }

    @Test
    void spreadsheetsAndPresentationsConvertToAFormatThatStamps() throws Exception {
        for (String id : List.of("xls", "et", "ppt", "dps", "ods", "odp")) {
            Conversion c = FORMATS.byId(id).orElseThrow().conversion().orElseThrow();
            assertTrue(StampSource.target(FORMATS, c).isPresent(), id + " converts to ." + c.target());
        }
        Path xls = LegacyBinaries.xlsLike(dir);
        Path out = new Stamper(FORMATS).stamp(xls, dir.resolve("out"), options(1));
        assertEquals("legacy.000001.xlsx", out.getFileName().toString());
        assertEquals("机密★5年", Verify.check(out).marking().orElseThrow().mark());
    }

    @Test
    void aConversionThatTakesTooLongIsStoppedWithItsProcesses() throws Exception {
        Path soffice = ExternalTools.require("soffice", "the conversion timeout");
        Path doc = wordFile("慢.doc");
        OfficeConverter slow = new OfficeConverter(soffice, Duration.ofMillis(300));
        DocumentException e = assertThrows(DocumentException.class, () -> slow.convert(doc, "doc", "docx"));
        assertEquals(Kind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().startsWith("LibreOffice did not convert it to .docx within 0.3 s"), e.getMessage());
        Thread.sleep(1000);
        List<String> left = ProcessHandle.allProcesses()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains("marking-convert-")).toList();
        assertEquals(List.of(), left, "LibreOffice processes left running");
    }

    /** Verify reads the mark (and copy number); LibreOffice prints it on every page with the original text. */
    private void assertStampedAndTextKept(Path stamped, String copy) throws Exception {
        FileResult r = Verify.check(stamped);
        assertEquals("docx", r.format());
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().startsWith("marking.")), Verify.rules(r).toString());
        if (copy != null) {
            assertEquals(copy, r.marking().get().copy().orElseThrow().formatted());
        }
        List<String> pages = lo().pageTexts(lo().convert(stamped, "pdf", dir.resolve("pdf-" + stamped.getFileName())))
                .stream().map(p -> p.replaceAll("\\s+", "")).toList();
        for (String page : pages) {
            assertTrue(page.contains("机密★5年"), "page lacks the mark: " + page);
        }
        assertTrue(String.join("", pages).contains(copy == null ? "机密★5年" : "第" + copy + "份"), pages.toString());
        assertTrue(String.join("", pages).contains("试验简报"), "text kept: " + pages);
    }

    private LibreOffice lo() {
        return new LibreOffice(dir.resolve("lo"));
    }

    private static List<Path> list(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
