package dev.marking.core.policy;

import dev.marking.core.io.Glob;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An accepted finding: {@code rule} is not reported for files matching {@code path} until {@code until}.
 *
 * @param path   path glob
 * @param rule   rule id ({@code *} for every rule)
 * @param reason why it is accepted (required)
 * @param until  last day it holds; empty for no end
 * @param line   line in the policy file
 */
public record Suppression(Glob path, String rule, String reason, Optional<LocalDate> until, int line) {

    /** True when this suppression covers {@code ruleId} on {@code relativePath} on {@code today}. */
    public boolean covers(String ruleId, String relativePath, LocalDate today) {
        return ("*".equals(rule) || rule.equals(ruleId)) && path.matches(relativePath)
                && until.map(u -> !today.isAfter(u)).orElse(true);
    }
}
