package dev.marking.core.rules.declass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Severity;
import dev.marking.core.rules.declass.LabelledSentences.Score;
import dev.marking.core.rules.declass.LabelledSentences.Sentence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@code declass.fake} on labelled sentences (FAKE/CLEAN/PSEUDONYM): a sentence is
 * predicted FAKE when the rule gives at least one finding on it; a PSEUDONYM sentence counts as FAKE only when the
 * policy reports pseudonyms. Prints the figures and every misclassified sentence, to help tune the lexicon
 * without special-casing any sentence.
 */
class DeclassQualityTest {

    private final FakeDeclassificationRule rule = new FakeDeclassificationRule();
    private final FakeDeclassificationRule withPseudonyms = new FakeDeclassificationRule(DeclassLexicon.standard(),
            Optional.of(Severity.INFO));

    @Test
    void devSetPrecisionAndRecallAtLeast95() throws IOException {
        Score s = score("declass-dev.tsv", LabelledSentences.devSet(), rule, false);
        assertTrue(s.precision() >= 0.95, "precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "recall " + s.recall());
    }

    @Test
    void extraSetPrecisionAndRecallAtLeast95() throws IOException {
        Score s = score("declass-extra.tsv", LabelledSentences.extraSet(), rule, false);
        assertTrue(s.precision() >= 0.95, "precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "recall " + s.recall());
    }

    @Test
    void extraSetWithPseudonymsReportedFindsThemToo() throws IOException {
        Score s = score("declass-extra.tsv (declass.pseudonyms: info)", LabelledSentences.extraSet(), withPseudonyms,
                true);
        assertTrue(s.precision() >= 0.95, "precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "recall " + s.recall());
    }

    private Score score(String name, List<Sentence> sentences, FakeDeclassificationRule detector,
            boolean pseudonymsAreFake) {
        Score s = new Score();
        List<String> wrong = new ArrayList<>();
        for (Sentence sentence : sentences) {
            boolean fake = sentence.fake(pseudonymsAreFake);
            List<String> evidence = DeclassFixtures.evidence(detector, sentence.text());
            boolean predicted = !evidence.isEmpty();
            s.add(fake, predicted);
            if (fake && !predicted) {
                wrong.add("  missed FAKE: " + sentence.text());
            } else if (!fake && predicted) {
                wrong.add("  false alarm: " + sentence.text() + "  " + evidence);
            }
        }
        System.out.printf("declass.fake on %s: %s%n", name, s);
        wrong.forEach(System.out::println);
        return s;
    }
}
