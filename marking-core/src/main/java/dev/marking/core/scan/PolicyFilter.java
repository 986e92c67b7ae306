package dev.marking.core.scan;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.policy.Policy;
import dev.marking.core.rules.marking.MissingMarkingRule;
import dev.marking.core.text.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies the policy to one file's raw findings: content-triggered marking, severity overrides, rules
 * turned off, and suppressions (with their end dates).
 */
final class PolicyFilter {

    private static final List<String> CONTENT_SIGNALS = List.of("declass.fake", "redaction.fake", "pii.");

    private final Policy policy;
    private final LocalDate today;
    private final Messages messages;

    PolicyFilter(Policy policy, LocalDate today, Messages messages) {
        this.policy = policy;
        this.today = today;
        this.messages = messages;
    }

    List<Finding> apply(String relativePath, boolean marked, List<Finding> raw) {
        List<Finding> findings = new ArrayList<>(raw);
        if (policy.mode() == MarkingMode.CONTENT && !marked) {
            contentTrigger(findings);
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Severity> severity = policy.severity(f.rule(), f.severity());
            if (severity.isEmpty() || policy.suppression(f.rule(), relativePath, today).isPresent()) {
                continue;
            }
            out.add(policy.severities().containsKey(f.rule()) ? f.withSeverity(severity.get()) : f);
        }
        return out;
    }

    /** An unmarked file whose content needs a mark gets {@code marking.missing}, naming why. */
    private void contentTrigger(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.rule().equals(MissingMarkingRule.DESCRIPTOR.id()))) {
            return;
        }
        TreeSet<String> why = new TreeSet<>();
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR && CONTENT_SIGNALS.stream().anyMatch(s -> f.rule().startsWith(s))) {
                why.add(f.rule());
            }
        }
        if (!why.isEmpty()) {
            findings.add(new Finding(MissingMarkingRule.DESCRIPTOR.id(), Severity.ERROR,
                    messages.format("content.unmarked-sensitive", String.join(", ", why)), Location.FILE, null));
        }
    }
}
