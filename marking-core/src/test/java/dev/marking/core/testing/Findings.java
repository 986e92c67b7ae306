package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.scan.FileResult;
import java.util.List;

/** Picks findings out of a checked file, so a test names the one it expects in a line. */
public final class Findings {

    private Findings() {
    }

    /** The findings of {@code rule}. */
    public static List<Finding> of(FileResult r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The one finding of {@code rule} with this evidence; fails when there is none or more than one. */
    public static Finding only(FileResult r, String rule, String evidence) {
        List<Finding> hits = of(r, rule).stream().filter(f -> evidence.equals(f.evidence())).toList();
        assertEquals(1, hits.size(), rule + " " + evidence + " in " + r.findings());
        return hits.get(0);
    }

    /** The findings at error level. */
    public static List<Finding> errors(FileResult r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
