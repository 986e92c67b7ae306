package dev.marking.maven;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
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
    long counted(ScanResult result) {
        if (severity.isEmpty()) {
            return 0;
        }
        return result.files().stream().flatMap(f -> f.findings().stream())
                .filter(f -> f.severity().atLeast(severity.get())).count();
    }

    boolean exceeded(ScanResult result) {
        return severity.isPresent() && counted(result) > maxAllowed;
    }

    /** The first counted finding, as {@code path: rule}, to name in the failure. */
    Optional<String> first(ScanResult result) {
        for (FileResult file : result.files()) {
            for (Finding f : file.findings()) {
                if (severity.isPresent() && f.severity().atLeast(severity.get())) {
                    return Optional.of(file.path() + ": " + f.rule());
                }
            }
        }
        return Optional.empty();
    }
}
