package dev.marking.core.rules.prose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marking.core.format.ReadModel;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.declass.FakeDeclassificationRule;
import dev.marking.core.rules.declass.TemplateBlankRule;
import dev.marking.core.rules.pii.BankCardRule;
import dev.marking.core.rules.pii.EmailRule;
import dev.marking.core.rules.pii.IdCardRule;
import dev.marking.core.rules.pii.PhoneRule;
import dev.marking.core.text.Messages;
import dev.marking.core.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, acceptance 1: on real prose nobody here wrote ({@code ../shared/samples/realprose}, eight genres),
 * the content rules raise at most 0.5 false alarms per 1,000 sentences in every genre, and every unit
 * placeholder ({@code 某} + unit) in it is found. Each finding is judged by hand in {@code realprose-labels.tsv}
 * (file, line, rule, evidence, verdict, reason; the text stays in shared): a finding nobody judged fails the
 * test, so a change in what the rules report is looked at, not counted blindly. Skipped without the corpus,
 * required under CI.
 */
class RealProseTest {

    /** At most this many false alarms per 1,000 sentences, in every genre. */
    private static final double TARGET = 0.5;
    /** Pairings with a real name ("the real name is still written") must be right this often. */
    private static final double PAIRING_PRECISION = 0.9;
    private static final Pattern REAL_NAME = Pattern.compile("the real name '([^']+)'");

    private static final List<Rule> RULES = List.of(new FakeDeclassificationRule(), new TemplateBlankRule(),
            new IdCardRule(), new PhoneRule(), new BankCardRule(), new EmailRule());

    /** A judged finding: {@code TRUE} right, {@code FALSE} a false alarm, {@code EXPECTED} a placeholder to find. */
    record Label(String file, int line, String rule, String evidence, String verdict, String reason) {

        String key() {
            return file + "\t" + line + "\t" + rule + "\t" + evidence;
        }
    }

    private static Map<String, List<String>> findings;
    private static Map<String, Integer> sentences;

    @BeforeAll
    static void run() throws IOException {
        boolean present = Files.isDirectory(RealProse.dir());
        if (!present && System.getenv("CI") != null) {
            fail("the real-prose sample is required on CI: " + RealProse.dir().toAbsolutePath() + "; set "
                    + Corpus.SAMPLES_ENV + " (or -D" + Corpus.SAMPLES_PROPERTY + ")");
        }
        assumeTrue(present, "real-prose sample not found at " + RealProse.dir().toAbsolutePath() + "; set "
                + Corpus.SAMPLES_ENV);
        findings = new LinkedHashMap<>();
        sentences = new LinkedHashMap<>();
        for (String genre : RealProse.GENRES) {
            sentences.put(genre, RealProse.sentences(genre).size());
            List<String> keys = new ArrayList<>();
            for (ReadModel model : RealProse.documents(genre)) {
                RuleContext context = new RuleContext(model, MarkingEvidence.of(model, MarkingParser.standard()),
                        LocalDate.of(2026, 11, 30), Messages.forLang("en"));
                for (Rule rule : RULES) {
                    for (Finding f : rule.check(context)) {
                        keys.add(key(genre, f));
                    }
                }
            }
            findings.put(genre, keys);
        }
    }

    /** file, line, rule and evidence; a pairing with a real name is its own kind, {@code declass.fake.pairing}. */
    private static String key(String genre, Finding f) {
        Matcher m = REAL_NAME.matcher(f.message());
        boolean paired = m.find();
        String rule = paired ? f.rule() + ".pairing" : f.rule();
        String evidence = paired ? f.evidence() + " -> " + m.group(1) : f.evidence();
        return genre + ".txt\t" + f.location().line() + "\t" + rule + "\t" + evidence;
    }

    @Test
    void everyFindingIsJudgedAndFalseAlarmsStayUnderTheTarget() throws IOException {
        Map<String, Label> labels = labels();
        TreeSet<String> unjudged = new TreeSet<>();
        StringBuilder table = new StringBuilder("genre      sentences findings false-alarms per-1000 templates\n");
        List<String> over = new ArrayList<>();
        for (String genre : RealProse.GENRES) {
            int falseAlarms = 0;
            int templates = 0;
            List<String> keys = findings.get(genre);
            for (String k : keys) {
                Label l = labels.get(k);
                if (l == null) {
                    unjudged.add(k);
                } else if ("FALSE".equals(l.verdict()) && !l.rule().equals("declass.template")) {
                    falseAlarms++;
                }
                templates += k.contains("\tdeclass.template\t") ? 1 : 0;
            }
            double per1000 = 1000.0 * falseAlarms / sentences.get(genre);
            table.append(String.format("%-10s %9d %8d %12d %8.2f %9d%n", genre, sentences.get(genre), keys.size(),
                    falseAlarms, per1000, templates));
            if (per1000 > TARGET) {
                over.add(genre + " " + String.format("%.2f", per1000));
            }
        }
        System.out.print(table);
        assertEquals(new TreeSet<>(), unjudged, "findings nobody has judged: add them to realprose-labels.tsv");
        assertEquals(List.of(), over, "false alarms per 1,000 sentences above " + TARGET);
    }

    @Test
    void everyUnitPlaceholderIsFound() throws IOException {
        List<String> missed = new ArrayList<>();
        int expected = 0;
        for (Label l : labelRows()) {
            if (!"EXPECTED".equals(l.verdict())) {
                continue;
            }
            expected++;
            String genre = l.file().replace(".txt", "");
            String prefix = l.file() + "\t" + l.line() + "\tdeclass.fake\t";
            boolean found = findings.get(genre).stream().anyMatch(k -> k.startsWith(prefix)
                    && k.substring(prefix.length()).contains(l.evidence()));
            if (!found) {
                missed.add(l.file() + ":" + l.line() + " " + l.evidence());
            }
        }
        System.out.printf("unit placeholders expected: %d, missed: %d%n", expected, missed.size());
        assertTrue(expected > 0, "no EXPECTED rows in realprose-labels.tsv");
        assertEquals(List.of(), missed, "unit placeholders not found");
    }

    @Test
    void pairingsWithARealNameAreRight() throws IOException {
        Map<String, Label> labels = labels();
        int right = 0;
        int wrong = 0;
        for (List<String> keys : findings.values()) {
            for (String k : keys) {
                if (k.contains("\tdeclass.fake.pairing\t")) {
                    Label l = labels.get(k);
                    right += l != null && "TRUE".equals(l.verdict()) ? 1 : 0;
                    wrong += l != null && "FALSE".equals(l.verdict()) ? 1 : 0;
                }
            }
        }
        double precision = right + wrong == 0 ? 1.0 : (double) right / (right + wrong);
        System.out.printf("pairings on real prose: %d right, %d wrong, precision %.2f%n", right, wrong, precision);
        assertTrue(precision >= PAIRING_PRECISION, "pairing precision " + precision);
    }

    /** The judged findings by key (EXPECTED rows are not findings and are left out). */
    static Map<String, Label> labels() throws IOException {
        Map<String, Label> out = new HashMap<>();
        for (Label l : labelRows()) {
            if (!"EXPECTED".equals(l.verdict())) {
                out.put(l.key(), l);
            }
        }
        return out;
    }

    /** Every row of the labels file: tab-separated with a header and # comments. */
    static List<Label> labelRows() throws IOException {
        List<Label> out = new ArrayList<>();
        try (InputStream in = RealProseTest.class.getResourceAsStream("realprose-labels.tsv")) {
            assertTrue(in != null, "realprose-labels.tsv is missing");
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#") || row.startsWith("file\t")) {
                    continue;
                }
                String[] c = row.split("\t", -1);
                assertEquals(6, c.length, "realprose-labels.tsv: six columns expected: " + row);
                out.add(new Label(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4], c[5]));
            }
        }
        return out;
    }
}
