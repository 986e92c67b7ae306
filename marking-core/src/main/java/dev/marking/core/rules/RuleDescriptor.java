package dev.marking.core.rules;

import dev.marking.core.model.Severity;

/**
 * Everything about a rule that is not its logic: stable id, default severity and a one-line summary.
 *
 * @param id              stable id (DESIGN §3.2)
 * @param defaultSeverity severity unless a policy says otherwise
 * @param summary         one line for {@code --help}, SARIF and the README
 */
public record RuleDescriptor(String id, Severity defaultSeverity, String summary) {
}
