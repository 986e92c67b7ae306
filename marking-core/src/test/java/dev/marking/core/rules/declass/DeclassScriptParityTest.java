package dev.marking.core.rules.declass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Finding;
import dev.marking.core.rules.declass.LabelledSentences.Score;
import dev.marking.core.rules.declass.LabelledSentences.Sentence;
import dev.marking.core.text.ScriptFolding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code declass.fake} on the labelled sets written in Traditional characters (DESIGN §1.9): each
 * sentence is converted with OpenCC's Simplified→Traditional table and must give the same findings as
 * the Simplified original — same count, columns, categories and messages, evidence of the same span
 * quoted as written — so precision and recall are the same in both scripts.
 */
class DeclassScriptParityTest {

    private final FakeDeclassificationRule rule = new FakeDeclassificationRule();

    @Test
    void devSetScoresTheSameInBothScripts() throws IOException {
        compare("declass-dev.tsv", LabelledSentences.devSet());
    }

    @Test
    void extraSetScoresTheSameInBothScripts() throws IOException {
        compare("declass-extra.tsv", LabelledSentences.extraSet());
    }

    private void compare(String name, List<Sentence> sentences) {
        Score simplified = new Score();
        Score traditional = new Score();
        int converted = 0;
        List<String> differences = new ArrayList<>();
        for (Sentence sentence : sentences) {
            String text = sentence.text();
            String trad = ScriptFolding.toTraditional(text);
            converted += trad.equals(text) ? 0 : 1;
            List<Finding> s = DeclassFixtures.check(rule, text);
            List<Finding> t = DeclassFixtures.check(rule, trad);
            simplified.add(sentence.fake(), !s.isEmpty());
            traditional.add(sentence.fake(), !t.isEmpty());
            if (!same(s, t)) {
                differences.add("  " + text + " -> " + s.stream().map(Finding::evidence).toList() + "\n  " + trad + " -> "
                        + t.stream().map(Finding::evidence).toList());
            }
        }
        System.out.printf("declass.fake on %s: Simplified %s; Traditional %s; %d of %d sentences changed by conversion%n",
                name, simplified, traditional, converted, sentences.size());
        differences.forEach(System.out::println);
        assertTrue(converted * 2 > sentences.size(), "most sentences must differ in Traditional: " + converted);
        assertEquals(List.of(), differences);
        assertEquals(simplified.toString(), traditional.toString());
    }

    /** Same rule, place, severity and category; evidence and message equal once folded. */
    private static boolean same(List<Finding> s, List<Finding> t) {
        if (s.size() != t.size()) {
            return false;
        }
        for (int i = 0; i < s.size(); i++) {
            Finding a = s.get(i);
            Finding b = t.get(i);
            boolean equal = a.rule().equals(b.rule()) && a.severity() == b.severity() && a.location().equals(b.location())
                    && a.evidence().length() == b.evidence().length()
                    && ScriptFolding.fold(a.evidence()).equals(ScriptFolding.fold(b.evidence()))
                    && ScriptFolding.fold(a.message()).equals(ScriptFolding.fold(b.message()));
            if (!equal) {
                return false;
            }
        }
        return true;
    }
}
