package dev.marking.core.bench;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.ofd.OfdFormat;
import dev.marking.core.ledger.CopyIssuer;
import dev.marking.core.ledger.CopyRequest;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Term;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.OfdFixture;
import java.io.IOException;
import dev.marking.core.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: pages per second for verify (read) and stamp of the corpus's largest OFDs (by pages, among
 * those that can be stamped, and by bytes), of a generated 300-page OFD, and copies per second through
 * {@link CopyIssuer}. Run: {@code java -cp <test-classpath> dev.marking.core.bench.OfdBench [CORPUS_DIR]}.
 */
public final class OfdBench {

    private static final int ROUNDS = 20;

    private final OfdFormat format = new OfdFormat();
    private final StampOptions options;
    private final Path work;

    private OfdBench(Path work) {
        Marking m = Marking.of(MarkingParser.standard().level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(123));
        this.options = StampOptions.all(m, "bench", LocalDate.of(2026, 11, 23));
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : Corpus.location();
        OfdBench bench = new OfdBench(Files.createTempDirectory("ofdbench"));
        System.out.printf(Locale.ROOT, "max heap %d MB, %d CPUs%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        List<Path> stampable = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> s = Files.list(corpus.resolve("ofd"))) {
            all = s.filter(p -> p.toString().endsWith(".ofd")).sorted().toList();
        }
        for (Path p : all) {
            if (bench.stampable(p)) {
                stampable.add(p);
            }
        }
        stampable.sort(Comparator.comparingInt(bench::pages).reversed());
        bench.measure(stampable.get(0), "largest by pages");
        bench.measure(stampable.stream().max(Comparator.comparingLong(OfdBench::size)).orElseThrow(), "largest by bytes");
        Path big = bench.generate(300);
        bench.measure(big, "generated");
        bench.copies(stampable.get(0), 50);
    }

    private void measure(Path file, String what) throws Exception {
        int pages = pages(file);
        Path out = work.resolve("out.ofd");
        for (int i = 0; i < 3; i++) {
            format.read(file);
            format.stamp(file, out, options);
        }
        int rounds = Math.max(2, ROUNDS * 4 / Math.max(4, pages / 10));
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            format.read(file);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            format.stamp(file, out, options);
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s: %s, %d pages, %d KB: verify %.1f ms/file = %.0f pages/s; "
                + "stamp %.1f ms/file = %.0f pages/s%n", what, file.getFileName(), pages, size(file) >> 10,
                (t1 - t0) / 1e6 / rounds, pages * rounds / ((t1 - t0) / 1e9),
                (t2 - t1) / 1e6 / rounds, pages * rounds / ((t2 - t1) / 1e9));
    }

    private void copies(Path file, int n) throws Exception {
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            Path out = Files.createDirectories(work.resolve("copies-" + threads));
            long t0 = System.nanoTime();
            new CopyIssuer(FormatRegistry.standard(), threads).issue(file, out, options.withMarking(
                    Marking.of(options.marking().level(), options.marking().term())), CopyRequest.parse("1-" + n)
                    .orElseThrow(), List.of(), out.resolve("ledger.jsonl"), x -> { });
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "copies: %d of %s on %d thread(s) in %.2f s = %.1f copies/s (%.0f pages/s)%n",
                    n, file.getFileName(), threads, s, n / s, n * pages(file) / s);
        }
    }

    private Path generate(int pages) {
        OfdFixture f = Fixtures.ofd();
        for (int p = 0; p < pages; p++) {
            f.page();
            for (int l = 0; l < 25; l++) {
                f.line("第" + (p + 1) + "页第" + (l + 1) + "行：关于做好年度保密工作的通知正文内容");
            }
        }
        return f.build(work.resolve("generated.ofd"));
    }

    private boolean stampable(Path p) {
        try {
            format.stamp(p, work.resolve("probe.ofd"), options);
            return true;
        } catch (DocumentException e) {
            return false;
        }
    }

    private int pages(Path p) {
        try {
            ReadModel m = format.read(p);
            return m.slots().size();
        } catch (DocumentException e) {
            return 0;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
