package dev.marking.core.rules.declass;

import dev.marking.core.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled sentence sets ({@code FAKE|CLEAN|PSEUDONYM <tab> sentence}) and how a detector scores on them.
 * {@code PSEUDONYM}: only a lawful personal-name pseudonym, clean unless a policy reports pseudonyms.
 */
final class LabelledSentences {

    /** One labelled sentence: FAKE, or a PSEUDONYM-only sentence, or else CLEAN. */
    record Sentence(boolean fake, boolean pseudonym, String text) {

        /** Whether a detector should flag it, when pseudonyms are (or are not) reported. */
        boolean fake(boolean pseudonymsAreFake) {
            return fake || pseudonym && pseudonymsAreFake;
        }
    }

    /** Counts of predictions against labels. */
    static final class Score {
        private int tp;
        private int fp;
        private int fn;
        private int tn;

        void add(boolean fake, boolean predicted) {
            if (fake && predicted) {
                tp++;
            } else if (fake) {
                fn++;
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        @Override
        public String toString() {
            return String.format("precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)", precision(), recall(), tp, fp,
                    fn, tn);
        }
    }

    private LabelledSentences() {
    }

    /** The labelled dev set beside the corpus ({@link Corpus#sample}): read as it is, never a copy that could drift. */
    static List<Sentence> devSet() throws IOException {
        return parse(Files.readAllLines(Corpus.sample("declass-dev.tsv"), StandardCharsets.UTF_8));
    }

    /** The team's extra set, kept in the test resources. */
    static List<Sentence> extraSet() throws IOException {
        try (InputStream in = LabelledSentences.class.getResourceAsStream("declass-extra.tsv")) {
            return parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    /** The labelled lines of a TSV; the header and blank lines are skipped. */
    static List<Sentence> parse(List<String> lines) {
        List<Sentence> out = new ArrayList<>();
        for (String line : lines) {
            String[] cols = line.split("\t", 2);
            String label = cols[0].strip();
            boolean pseudonym = label.equalsIgnoreCase("PSEUDONYM");
            if (cols.length == 2 && (label.equalsIgnoreCase("FAKE") || label.equalsIgnoreCase("CLEAN") || pseudonym)) {
                out.add(new Sentence(label.equalsIgnoreCase("FAKE"), pseudonym, cols[1].strip()));
            }
        }
        return out;
    }
}
