package dev.marking.core.report;

import dev.marking.core.text.Digests;
import dev.marking.core.text.Widths;
import java.util.Locale;

/**
 * A finding's identity across edits: rule + path + normalised evidence, never a line number, so
 * editing elsewhere in a file keeps it (baselines and SARIF partial fingerprints).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** Evidence folded to half-width, without whitespace, lower case; "" for none. */
    public static String normalise(String evidence) {
        return evidence == null ? "" : Widths.squeeze(Widths.fold(evidence)).toLowerCase(Locale.ROOT);
    }

    /** The normalised evidence hashed, as baselines key it: 24 hex digits of its SHA-256 (of "" for none). */
    public static String evidence(String evidence) {
        return Digests.sha256(normalise(evidence)).substring(0, 24);
    }

    /** SHA-256 (hex) of the rule, the report path and the normalised evidence. */
    public static String of(String rule, String path, String evidence) {
        return Digests.sha256(rule + '\n' + path + '\n' + normalise(evidence));
    }
}
