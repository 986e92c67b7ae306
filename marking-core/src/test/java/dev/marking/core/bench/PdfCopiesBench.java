package dev.marking.core.bench;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.ledger.CopyIssuer;
import dev.marking.core.ledger.CopyRequest;
import dev.marking.core.ledger.Recipient;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Term;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Not a test: copies per second for numbered copies of a generated 100-page PDF through
 * {@link CopyIssuer} with a ledger and recipients, on the fast path ({@link PdfFormat#prepare}) and the
 * default path (a full stamp per copy), against a shell loop of {@code qpdf --overlay stamp_N.pdf}
 * (one pre-made stamp page per copy number, sequential and two at a time), and PDFBox
 * {@code saveIncremental} per copy as the alternative to appending the update ourselves.
 * Run: {@code java -cp <test-classpath> dev.marking.core.bench.PdfCopiesBench [copies] [pages]}.
 */
public final class PdfCopiesBench {

    private final Path work;
    private final int copies;
    private final StampOptions base;

    private PdfCopiesBench(Path work, int copies) {
        this.work = work;
        this.copies = copies;
        Marking m = Marking.of(MarkingParser.standard().level("机密").orElseThrow(), new Term.Years(5));
        this.base = StampOptions.all(m, "bench-copies", LocalDate.of(2026, 11, 23));
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path work = Files.createTempDirectory("pdfcopies");
        PdfCopiesBench bench = new PdfCopiesBench(work, copies);
        int cpus = Runtime.getRuntime().availableProcessors();
        Path big = PdfBench.generate(bench.work.resolve("big.pdf"), pages);
        System.out.printf(Locale.ROOT, "%d CPUs, %d copies of a %d-page PDF (%d KB)%n", cpus, copies, pages,
                Files.size(big) >> 10);
        bench.issue("fast path, 1 thread", FormatRegistry.standard(), big, 1);
        bench.issue("fast path (prepare: base + incremental update)", FormatRegistry.standard(), big, cpus);
        bench.saveIncremental(work.resolve("fast path (prepare: base + incremental update)"));
        bench.issue("default path (full stamp per copy)", new FormatRegistry(List.of(new FullStamp())), big, cpus);
        bench.qpdf(big);
    }

    private void issue(String label, FormatRegistry formats, Path big, int threads) throws Exception {
        Path out = work.resolve(label);
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            recipients.add(new Recipient("收件人" + i, i % 2 == 0 ? "办公室" : ""));
        }
        long t0 = System.nanoTime();
        new CopyIssuer(formats, threads).issue(big, out, base, new CopyRequest(1, copies, copies), recipients,
                work.resolve(label + ".jsonl"), n -> { });
        long t = System.nanoTime() - t0;
        long bytes = 0;
        try (var s = Files.list(out)) {
            for (Path p : s.toList()) {
                bytes += Files.size(p);
            }
        }
        System.out.printf(Locale.ROOT, "%-50s %7.2f s  %7.1f copies/s  (%d MB written)%n", label, t / 1e9,
                copies / (t / 1e9), bytes >> 20);
    }

    /** The alternative: load a copy with PDFBox, replace the per-copy form and Info entry, saveIncremental. */
    private void saveIncremental(Path fastOut) throws IOException {
        Path any;
        try (var s = Files.list(fastOut)) {
            any = s.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        byte[] base = Files.readAllBytes(any);
        int n = Math.min(copies, 100);
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            try (PDDocument doc = Loader.loadPDF(base)) {
                PDPage first = doc.getPage(0);
                COSStream form = (COSStream) first.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT)
                        .getDictionaryObject(COSName.getPDFName("MarkingStampCopy0"));
                try (OutputStream o = form.createOutputStream(COSName.FLATE_DECODE)) {
                    o.write(("q 0 g BT /MarkingStampF0 9 Tf 72 20 Td <0001> Tj ET Q % copy " + i)
                            .getBytes(StandardCharsets.US_ASCII));
                }
                form.setNeedToBeUpdated(true);
                doc.getDocumentInformation().setCustomMetadataValue("marking.copy", new CopyNumber(i).formatted());
                doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
                ByteArrayOutputStream out = new ByteArrayOutputStream(base.length + 4096);
                doc.saveIncremental(out);
                Files.write(work.resolve("inc" + i + ".pdf"), out.toByteArray());
            }
        }
        long t = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "%-50s %7.2f s  %7.1f copies/s  (%d copies, one thread, no ledger)%n",
                "PDFBox load + saveIncremental per copy", t / 1e9, n / (t / 1e9), n);
    }

    /** One stamp page per copy number made beforehand (not timed), then qpdf overlays it on every page. */
    private void qpdf(Path big) throws Exception {
        Path stamps = Files.createDirectories(work.resolve("stamps"));
        Path blank = work.resolve("blank.pdf");
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage(PDRectangle.A4));
            d.save(blank.toFile());
        }
        PdfFormat pdf = new PdfFormat();
        for (int i = 1; i <= copies; i++) {
            StampOptions o = base.withMarking(base.marking().withCopy(new CopyNumber(i)).withRecipient("收件人" + i));
            pdf.stamp(blank, stamps.resolve("stamp_" + new CopyNumber(i).formatted() + ".pdf"), o);
        }
        Path out = Files.createDirectories(work.resolve("qpdf-out"));
        String one = "qpdf " + big + " --overlay " + stamps + "/stamp_$n.pdf --to=1-z --repeat=1 -- " + out + "/out_$n.pdf";
        shell("qpdf --overlay loop, sequential", "for n in $(seq -f %06g 1 " + copies + "); do " + one + "; done");
        shell("qpdf --overlay loop, xargs -P 2", "seq -f %06g 1 " + copies + " | xargs -P 2 -I{} sh -c 'n={}; "
                + one + "'");
    }

    private void shell(String label, String script) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        long t = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "%-50s %7.2f s  %7.1f copies/s  exit %d %s%n", label, t / 1e9,
                copies / (t / 1e9), code, output.isBlank() ? "" : output.lines().findFirst().orElse(""));
    }

    /** The PDF adapter without its fast path: every copy is a full stamp of the source. */
    private static final class FullStamp implements DocumentFormat {
        private final PdfFormat pdf = new PdfFormat();

        @Override
        public String id() {
            return pdf.id();
        }

        @Override
        public List<String> extensions() {
            return pdf.extensions();
        }

        @Override
        public String mediaType() {
            return pdf.mediaType();
        }

        @Override
        public Recognition recognise(ContentProbe content) {
            return pdf.recognise(content);
        }

        @Override
        public ReadModel read(Path file) throws DocumentException {
            return pdf.read(file);
        }

        @Override
        public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
            pdf.stamp(source, target, options);
        }
    }
}
