package dev.marking.maven;

import dev.marking.core.engine.VerifyResult;
import dev.marking.core.model.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When {@code marking:check} fails the build: more than {@code maxAllowed} findings at {@code severity}
 * or above. {@code none} never fails.
 *
 * @param severity   the lowest severity that counts; empty for {@code none}
 * @param maxAllowed findings that may count before the build fails
 */
record FindingThreshold(Optional<Severity> severity, int maxAllowed) {

    /** Parses {@code error}, {@code warning}, {@code info} or {@code none}, ignoring case. */
    static FindingThreshold parse(String failOnSeverity, int maxAllowed) {
        String s = failOnSeverity == null ? "error" : failOnSeverity.strip().toLowerCase(Locale.ROOT);
        if (maxAllowed < 0) {
            throw new IllegalArgumentException("maxAllowedFindings must be 0 or more, not " + maxAllowed);
        }
        if ("none".equals(s)) {
            return new FindingThreshold(Optional.empty(), maxAllowed);
        }
        return Arrays.stream(Severity.values()).filter(v -> v.id().equals(s)).findFirst()
                .map(v -> new FindingThreshold(Optional.of(v), maxAllowed))
                .orElseThrow(() -> new IllegalArgumentException(
                        "failOnSeverity must be error, warning, info or none, not " + failOnSeverity));
    }

    /** Findings that count against the threshold. */
    long counted(VerifyResult result) {
        return severity.map(s -> (long) result.atLeast(s).size()).orElse(0L);
    }

    boolean exceeded(VerifyResult result) {
        return severity.isPresent() && counted(result) > maxAllowed;
    }

    /** The first counted finding, as {@code path: rule}, to name in the failure. */
    Optional<String> first(VerifyResult result) {
        return severity.flatMap(s -> result.atLeast(s).stream().findFirst()).map(f -> f.path() + ": " + f.rule());
    }
}
