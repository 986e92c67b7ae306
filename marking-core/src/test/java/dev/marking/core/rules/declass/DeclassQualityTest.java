package dev.marking.core.rules.declass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.rules.declass.LabelledSentences.Score;
import dev.marking.core.rules.declass.LabelledSentences.Sentence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@code declass.fake} on labelled sentences (FAKE/CLEAN): a sentence is
 * predicted FAKE when the rule gives at least one finding on it. Prints the figures and every
 * misclassified sentence, to help tune the lexicon without special-casing any sentence.
 */
class DeclassQualityTest {

    private final FakeDeclassificationRule rule = new FakeDeclassificationRule();

    @Test
    void devSetPrecisionAndRecallAtLeast95() throws IOException {
        Score s = score("declass-dev.tsv", LabelledSentences.devSet());
        assertTrue(s.precision() >= 0.95, "precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "recall " + s.recall());
    }

    @Test
    void extraSetPrecisionAndRecallAtLeast90() throws IOException {
        Score s = score("declass-extra.tsv", LabelledSentences.extraSet());
        assertTrue(s.precision() >= 0.90, "precision " + s.precision());
        assertTrue(s.recall() >= 0.90, "recall " + s.recall());
    }

    private Score score(String name, List<Sentence> sentences) {
        Score s = new Score();
        List<String> wrong = new ArrayList<>();
        for (Sentence sentence : sentences) {
            List<String> evidence = DeclassFixtures.evidence(rule, sentence.text());
            boolean predicted = !evidence.isEmpty();
            s.add(sentence.fake(), predicted);
            if (sentence.fake() && !predicted) {
                wrong.add("  missed FAKE: " + sentence.text());
            } else if (!sentence.fake() && predicted) {
                wrong.add("  false alarm: " + sentence.text() + "  " + evidence);
            }
        }
        System.out.printf("declass.fake on %s: %s%n", name, s);
        wrong.forEach(System.out::println);
        return s;
    }
}
