package dev.marking.core.bench;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Term;
import dev.marking.core.testing.Corpus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Not a test: pages per second for stamp and read on the corpus's longest PDFs, peak heap for a
 * generated 1,000-page PDF, and the same stamp done by {@code qpdf --overlay} and {@code pdftk stamp}.
 * Run: {@code java -Xmx256m -cp <test-classpath> dev.marking.core.bench.PdfBench [CORPUS]} (default: {@link Corpus#location()}).
 */
public final class PdfBench {

    private static final int ROUNDS = 5;
    private static final int LONGEST = 5;

    private final PdfFormat format = new PdfFormat();
    private final StampOptions options;
    private final Path work;

    private PdfBench(Path work) {
        Marking m = Marking.of(MarkingParser.standard().level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(123));
        this.options = StampOptions.all(m, "bench", LocalDate.of(2026, 11, 23));
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : Corpus.location();
        Path work = Files.createTempDirectory("pdfbench");
        PdfBench bench = new PdfBench(work);
        System.out.printf(Locale.ROOT, "max heap %d MB, %d CPUs%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (Path p : longest(corpus.resolve("pdf"))) {
            bench.corpusFile(p);
        }
        Path big = generate(bench.work.resolve("big.pdf"), 1000);
        bench.bigFile(big, bench.format, "system font");
        bench.bigFile(big, new PdfFormat(List.of()), "bundled font");
        bench.external(big);
    }

    private static List<Path> longest(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.toString().endsWith(".pdf")).toList();
        }
        List<Path> readable = new ArrayList<>();
        for (Path p : all) {
            if (pages(p) > 0) {
                readable.add(p);
            }
        }
        readable.sort(Comparator.comparingInt(PdfBench::pages).reversed());
        return readable.subList(0, Math.min(LONGEST, readable.size()));
    }

    private static int pages(Path p) {
        try (PDDocument d = Loader.loadPDF(p.toFile())) {
            return d.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    private void corpusFile(Path p) throws Exception {
        int pages = pages(p);
        Path out = work.resolve("out.pdf");
        try {
            format.stamp(p, out, options);
        } catch (DocumentException e) {
            System.out.printf(Locale.ROOT, "%-55s %4d pages  not stamped: %s%n", p.getFileName(), pages, e.getMessage());
            return;
        }
        format.read(out);
        long stamp = 0;
        long read = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            format.stamp(p, out, options);
            long t1 = System.nanoTime();
            format.read(out);
            stamp += t1 - t0;
            read += System.nanoTime() - t1;
        }
        System.out.printf(Locale.ROOT, "%-55s %4d pages  stamp %7.1f pages/s  read %7.1f pages/s%n",
                p.getFileName(), pages, rate(pages * ROUNDS, stamp), rate(pages * ROUNDS, read));
    }

    private void bigFile(Path big, PdfFormat format, String label) throws Exception {
        Path out = work.resolve("big-stamped.pdf");
        resetPeaks();
        long t0 = System.nanoTime();
        format.stamp(big, out, options);
        long t1 = System.nanoTime();
        long stampPeak = heapPeak();
        resetPeaks();
        long t2 = System.nanoTime();
        int pages = format.read(out).slots().size();
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s, generated %d pages (%d KB): stamp %.2f s (%.0f pages/s, peak heap %d MB), "
                + "read %.2f s (%.0f pages/s, peak heap %d MB), output %d KB%n", label, pages, Files.size(big) >> 10,
                (t1 - t0) / 1e9, rate(pages, t1 - t0), stampPeak >> 20, (t3 - t2) / 1e9, rate(pages, t3 - t2),
                heapPeak() >> 20, Files.size(out) >> 10);
    }

    /** qpdf --overlay and pdftk stamp of a one-page PDF holding the same stamp (drawn by us on a blank page). */
    private void external(Path big) throws Exception {
        Path blank = work.resolve("blank.pdf");
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage(PDRectangle.A4));
            d.save(blank.toFile());
        }
        Path stampPage = work.resolve("stamp-page.pdf");
        format.stamp(blank, stampPage, options);
        time("qpdf --overlay", List.of("qpdf", big.toString(), "--overlay", stampPage.toString(), "--to=1-z", "--from=",
                "--repeat=1", "--", work.resolve("qpdf.pdf").toString()));
        time("pdftk stamp", List.of("pdftk", big.toString(), "stamp", stampPage.toString(), "output",
                work.resolve("pdftk.pdf").toString()));
    }

    private static void time(String label, List<String> command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println(label + ": not available (" + e.getMessage() + ")");
            return;
        }
        p.getInputStream().readAllBytes();
        int code = p.waitFor();
        System.out.printf(Locale.ROOT, "%-16s 1000 pages: %.2f s (%.0f pages/s), exit %d%n", label,
                (System.nanoTime() - t0) / 1e9, rate(1000, System.nanoTime() - t0), code);
    }

    /** A plain Latin-text PDF of {@code pages} A4 pages, 45 lines each; shared by the PDF benchmarks. */
    static Path generate(Path file, int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setLeading(14);
                    cs.newLineAtOffset(72, 770);
                    for (int line = 0; line < 45; line++) {
                        cs.showText("Page " + i + " line " + line + ": the quick brown fox jumps over the lazy dog.");
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static double rate(long pages, long nanos) {
        return pages / (nanos / 1e9);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
