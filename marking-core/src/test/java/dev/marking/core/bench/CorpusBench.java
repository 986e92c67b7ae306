package dev.marking.core.bench;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.Stamper;
import dev.marking.core.testing.Corpus;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Stamp and verify time per document over the real corpus (median of several rounds after warm-up).
 * Not a test: {@code java -cp … dev.marking.core.bench.CorpusBench [CORPUS] [rounds] [docx,pdf,xlsx,pptx]}
 * (default corpus: {@link Corpus#location()}); the third argument names corpus folders, one per format. Formats
 * that are never written are stamped with conversion; files that cannot be stamped are counted, not timed.
 */
public final class CorpusBench {

    private CorpusBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : Corpus.location();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> kinds = List.of((args.length > 2 ? args[2] : "docx,pdf,xlsx,pptx").split(","));
        FormatRegistry formats = FormatRegistry.standard();
        List<Path> files;
        try (Stream<Path> s = kinds.stream().flatMap(d -> list(corpus.resolve(d)))) {
            files = s.filter(p -> formats.forFile(p).isPresent()).sorted().toList();
        }
        Scanner scanner = Scanner.forPolicy(formats, ScanOptions.of(Policy.defaults(), LocalDate.now(),
                Messages.forLang("en")).withThreads(1));
        Stamper stamper = new Stamper(formats);
        Path out = Files.createTempDirectory("marking-bench");
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(1));
        for (String kind : kinds) {
            List<Double> stamp = new ArrayList<>();
            List<Double> verify = new ArrayList<>();
            int refused = 0;
            for (int round = 0; round <= rounds; round++) {
                for (Path f : files) {
                    if (!f.toString().endsWith("." + kind)) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    scanner.check(f);
                    long t1 = System.nanoTime();
                    if (round > 0) {
                        verify.add((t1 - t0) / 1e6);
                    }
                    try {
                        stamper.stamp(f, out, StampOptions.all(m, "bench", LocalDate.now()).withConvert(true));
                    } catch (DocumentException e) {
                        refused += round > 0 ? 1 : 0;
                        continue;
                    }
                    long t2 = System.nanoTime();
                    if (round > 0) {
                        stamp.add((t2 - t1) / 1e6);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d files x %d rounds: verify median %.1f ms (p90 %.1f); stamp median %.1f ms"
                    + " (p90 %.1f) over %d stamped, %d refused%n", kind, verify.size() / rounds, rounds, pct(verify, 50),
                    pct(verify, 90), pct(stamp, 50), pct(stamp, 90), stamp.size() / rounds, refused / rounds);
        }
    }

    private static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, s.size() * p / 100));
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
