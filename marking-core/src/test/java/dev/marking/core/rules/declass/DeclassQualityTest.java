package dev.marking.core.rules.declass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@code declass.fake} on labelled sentences (FAKE/CLEAN): a sentence is
 * predicted FAKE when the rule gives at least one finding on it. PSEUDONYM marks a sentence whose only
 * placeholders are lawful de-identification (张××, 王×同志, a masked plate): CLEAN by default, FAKE when the
 * policy reports pseudonyms. Prints the figures and every misclassified sentence, to help tune the lexicon
 * without special-casing any sentence.
 */
class DeclassQualityTest {

    private final FakeDeclassificationRule rule = new FakeDeclassificationRule();
    private final FakeDeclassificationRule withPseudonyms = new FakeDeclassificationRule(DeclassLexicon.standard(),
            Optional.of(Severity.INFO));

    @Test
    void devSetPrecisionAndRecallAtLeast95() throws IOException {
        Score s = score("declass-dev.tsv", devSet(), rule, false);
        assertTrue(s.precision() >= 0.95, "precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "recall " + s.recall());
    }

    @Test
    void extraSetPrecisionAndRecallAtLeast95() throws IOException {
        Score s = score("declass-extra.tsv", resource("declass-extra.tsv"), rule, false);
        assertTrue(s.precision() >= 0.95, "precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "recall " + s.recall());
    }

    @Test
    void extraSetWithPseudonymsReportedFindsThemToo() throws IOException {
        Score s = score("declass-extra.tsv (declass.pseudonyms: info)", resource("declass-extra.tsv"), withPseudonyms,
                true);
        assertTrue(s.precision() >= 0.95, "precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "recall " + s.recall());
    }

    /** The shared dev set (../shared/samples): scored as it is, never a copy that could drift. */
    private static List<String> devSet() throws IOException {
        Path p = SharedSamples.dir().resolve("declass-dev.tsv");
        assertTrue(Files.isRegularFile(p), "the labelled dev set is missing: " + p.toAbsolutePath());
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = DeclassQualityTest.class.getResourceAsStream(name)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private Score score(String name, List<String> lines, FakeDeclassificationRule rule, boolean pseudonymsAreFake) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        List<String> wrong = new ArrayList<>();
        for (String line : lines) {
            String[] cols = line.split("\t", 2);
            String label = cols[0].strip();
            boolean pseudonym = label.equalsIgnoreCase("PSEUDONYM");
            if (cols.length < 2 || !(label.equalsIgnoreCase("FAKE") || label.equalsIgnoreCase("CLEAN") || pseudonym)) {
                continue; // the header, blank lines
            }
            boolean fake = label.equalsIgnoreCase("FAKE") || pseudonym && pseudonymsAreFake;
            List<String> evidence = DeclassFixtures.evidence(rule, cols[1].strip());
            boolean predicted = !evidence.isEmpty();
            if (fake && predicted) {
                tp++;
            } else if (fake) {
                fn++;
                wrong.add("  missed FAKE: " + cols[1]);
            } else if (predicted) {
                fp++;
                wrong.add("  false alarm: " + cols[1] + "  " + evidence);
            } else {
                tn++;
            }
        }
        Score s = new Score(tp, fp, fn, tn);
        System.out.printf("declass.fake on %s: precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)%n",
                name, s.precision(), s.recall(), tp, fp, fn, tn);
        wrong.forEach(System.out::println);
        return s;
    }

    private record Score(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }
}
