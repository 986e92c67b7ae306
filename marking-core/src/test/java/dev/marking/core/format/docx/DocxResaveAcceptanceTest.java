package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.text.Messages;
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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 2: every corpus DOCX we can stamp is stamped, re-saved by LibreOffice as DOCX (as a
 * user opening it and pressing Save does), and still verifies clean: no marking or copy-number finding,
 * and {@code trace} still names copy 000123, also from the covert mark. Restamped at another level,
 * LibreOffice's PDF export of it shows on every page exactly one running mark and one footer, the block
 * once on page 1, nothing of the old marking; the restamped file has exactly one watermark in every
 * header Word and LibreOffice show. What happened per file goes to {@code target/docx-resave.tsv}.
 *
 * <p>One thing LibreOffice does is allowed for, and checked rather than assumed: it lays endnotes out on a
 * page style of its own without headers: a page holding nothing but the document's endnotes is not counted.
 * (It also saves a section with a different first page that it lays out on one page as that page alone,
 * with no even header; the stamp keeps that from costing the first section its even header, see
 * {@code RunningParts.dropBlankFirstPage}, so every file here must verify clean after the save.)
 */
class DocxResaveAcceptanceTest {

    private static final Path TABLE = Path.of("target", "docx-resave.tsv");

    @TempDir
    Path tmp;

    @Test
    void stampedFilesSurviveALibreOfficeSaveAndRestampCleanly() throws Exception {
        LibreOffice lo = LibreOffice.in(tmp, "re-saving stamped DOCX files with LibreOffice");
        DocxFormat format = new DocxFormat();
        List<Path> stamped = new ArrayList<>();
        for (Path file : corpus()) {
            Path once = Files.createDirectories(tmp.resolve("once")).resolve(file.getFileName());
            format.stamp(file, once, DocxCorpusTest.first());
            stamped.add(once);
        }
        List<Path> resaved = lo.convert(stamped, LibreOffice.DOCX, tmp.resolve("resaved"));
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("file\tfindings after re-save\ttrace\n");
        Scanner scanner = scanner();
        Tracer tracer = new Tracer(FormatRegistry.standard());
        List<Path> restamped = new ArrayList<>();
        for (Path r : resaved) {
            FileResult result = scanner.check(r);
            List<String> marking = result.findings().stream().map(Finding::rule)
                    .filter(rule -> rule.startsWith("marking.") || rule.startsWith("copy.") || rule.startsWith("file."))
                    .toList();
            if (!marking.isEmpty()) {
                problems.add(r.getFileName() + " after a LibreOffice save: " + result.findings());
            }
            TraceResult trace = tracer.trace(r, Optional.empty());
            if (!Optional.of("000123").equals(trace.copy()) || !"000123".equals(trace.copiesBySource().get("covert"))) {
                problems.add(r.getFileName() + ": trace after a LibreOffice save finds " + trace.copiesBySource());
            }
            Path twice = Files.createDirectories(tmp.resolve("twice")).resolve(r.getFileName());
            format.stamp(r, twice, second());
            restamped.add(twice);
            table.append(r.getFileName()).append('\t').append(marking).append('\t')
                    .append(trace.copiesBySource()).append('\n');
        }
        List<Path> pdfs = lo.convert(restamped, LibreOffice.PDF, tmp.resolve("pdf"));
        StampOptions second = second();
        String mark = second.marking().mark();
        for (int i = 0; i < pdfs.size(); i++) {
            checkPages(pdfs.get(i), second, DocxCorpusTest.first(), problems);
            ReadModel model = format.read(restamped.get(i));
            for (RunningSlot slot : model.slots()) {
                if (slot.watermarks().size() != 1 || !slot.watermarks().get(0).contains(mark)) {
                    problems.add(restamped.get(i).getFileName() + " section " + slot.unit() + " " + slot.type()
                            + ": watermarks " + slot.watermarks());
                }
            }
        }
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, table, StandardCharsets.UTF_8);
        assertTrue(resaved.size() > 20, "most of the corpus is stampable: " + resaved.size());
        assertEquals(List.of(), problems);
    }

    /**
     * On each page: one running mark (two on page 1 with the block), one footer, nothing of the {@code old}
     * stamp. Text is compared without white space and ★, which LibreOffice draws
     * in another font and the text extractor may put first.
     */
    private static void checkPages(Path pdf, StampOptions options, StampOptions old, List<String> problems)
            throws IOException {
        String mark = squash(options.marking().mark());
        String oldMark = squash(old.marking().mark());
        String oldCopy = old.marking().copy().orElseThrow().formatted();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = squash(CovertMark.strip(stripper.getText(doc)));
                int marks = count(text, mark);
                int footers = options.footerText().map(f -> count(text, f)).orElse(0);
                boolean stale = text.contains(oldMark) || text.contains(oldCopy);
                if (marks == 0 && footers == 0 && endnotesOnly(pdf, text)) {
                    continue;
                }
                if (marks != (p == 1 ? 2 : 1) || footers != (options.footerText().isPresent() ? 1 : 0) || stale) {
                    problems.add(String.format(Locale.ROOT, "%s page %d: %d marks, %d footers, old marking %b: %s",
                            pdf.getFileName(), p, marks, footers, stale, text.length() > 200 ? text.substring(0, 200)
                            : text));
                }
            }
        }
    }

    private static String squash(String s) {
        return s.replaceAll("[\\s★]+", "");
    }

    /** True when {@code text} is part of the endnotes of the DOCX the PDF was made from (LibreOffice's endnote page). */
    private static boolean endnotesOnly(Path pdf, String text) throws IOException {
        String name = pdf.getFileName().toString().replaceFirst("\\.pdf$", ".docx");
        for (Path dir : List.of(pdf.getParent().resolveSibling("twice"), pdf.getParent().resolveSibling("resaved"))) {
            Path docx = dir.resolve(name);
            if (Files.isRegularFile(docx)) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(docx.toFile())) {
                    java.util.zip.ZipEntry e = zip.getEntry("word/endnotes.xml");
                    if (e == null) {
                        return false;
                    }
                    String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                    String notes = squash(xml.replaceAll("<[^>]+>", ""));
                    return !text.isEmpty() && notes.contains(text.replaceAll("^[0-9ivxlcdmIVXLCDM*]+", ""));
                }
            }
        }
        return false;
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** 秘密★1年, copy 000007: another level, another number. */
    private static StampOptions second() {
        StampOptions s = DocxCorpusTest.second();
        return s.withMarking(s.marking().withCopy(new CopyNumber(7)));
    }

    private static Scanner scanner() {
        MarkingParser parser = MarkingParser.standard();
        return new Scanner(FormatRegistry.standard(), RuleRegistry.standard().rules(parser),
                new ScanOptions(LocalDate.of(2026, 11, 30), Messages.forLocale(Locale.ENGLISH), parser, 1));
    }

    /** The corpus DOCX files a stamp accepts: not encrypted (OLE2), not signed. */
    private static List<Path> corpus() throws IOException {
        Path dir = Corpus.dir("docx");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".docx")).sorted().toList()) {
                if (!ole2(f) && !f.getFileName().toString().contains("signed")) {
                    out.add(f);
                }
            }
            return out;
        }
    }

    private static boolean ole2(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            return FileMagic.valueOf(in) == FileMagic.OLE2;
        }
    }
}
