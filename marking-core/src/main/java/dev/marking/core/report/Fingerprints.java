package dev.marking.core.report;

import dev.marking.core.text.Widths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A finding's identity across edits: rule + path + normalised evidence, never a line number, so
 * editing elsewhere in a file keeps it (DESIGN: baselines and SARIF partial fingerprints).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** SHA-256 (hex) of the rule, the report path and the evidence folded to half-width, without whitespace, lower case. */
    public static String of(String rule, String path, String evidence) {
        String normalised = evidence == null ? "" : Widths.squeeze(Widths.fold(evidence)).toLowerCase(Locale.ROOT);
        String key = rule + '\n' + path + '\n' + normalised;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
