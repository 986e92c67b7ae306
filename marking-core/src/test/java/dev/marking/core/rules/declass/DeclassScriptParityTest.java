package dev.marking.core.rules.declass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Finding;
import dev.marking.core.text.ScriptFolding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path p = Path.of(System.getProperty("marking.shared", "../../shared"), "samples", "declass-dev.tsv");
        assertTrue(Files.isRegularFile(p), "the labelled dev set is missing: " + p.toAbsolutePath());
        compare("declass-dev.tsv", Files.readAllLines(p, StandardCharsets.UTF_8));
    }

    @Test
    void extraSetScoresTheSameInBothScripts() throws IOException {
        try (InputStream in = DeclassScriptParityTest.class.getResourceAsStream("declass-extra.tsv")) {
            compare("declass-extra.tsv", List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private void compare(String name, List<String> lines) {
        int[] simplified = new int[3];
        int[] traditional = new int[3];
        int converted = 0;
        int sentences = 0;
        List<String> differences = new ArrayList<>();
        for (String line : lines) {
            String[] cols = line.split("\t", 2);
            String label = cols[0].strip();
            if (cols.length < 2 || !(label.equalsIgnoreCase("FAKE") || label.equalsIgnoreCase("CLEAN"))) {
                continue;
            }
            String text = cols[1].strip();
            String trad = ScriptFolding.toTraditional(text);
            sentences++;
            converted += trad.equals(text) ? 0 : 1;
            List<Finding> s = DeclassFixtures.check(rule, text);
            List<Finding> t = DeclassFixtures.check(rule, trad);
            boolean fake = label.equalsIgnoreCase("FAKE");
            count(simplified, fake, !s.isEmpty());
            count(traditional, fake, !t.isEmpty());
            if (!same(s, t)) {
                differences.add("  " + text + " -> " + s.stream().map(Finding::evidence).toList() + "\n  " + trad + " -> "
                        + t.stream().map(Finding::evidence).toList());
            }
        }
        System.out.printf("declass.fake on %s: Simplified precision %.3f recall %.3f; Traditional precision %.3f recall %.3f;"
                + " %d of %d sentences changed by conversion%n", name, precision(simplified), recall(simplified),
                precision(traditional), recall(traditional), converted, sentences);
        differences.forEach(System.out::println);
        assertTrue(converted * 2 > sentences, "most sentences must differ in Traditional: " + converted + "/" + sentences);
        assertEquals(List.of(), differences);
        assertEquals(precision(simplified), precision(traditional));
        assertEquals(recall(simplified), recall(traditional));
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

    /** tp, fp, fn. */
    private static void count(int[] c, boolean fake, boolean predicted) {
        if (fake && predicted) {
            c[0]++;
        } else if (fake) {
            c[2]++;
        } else if (predicted) {
            c[1]++;
        }
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }
}
