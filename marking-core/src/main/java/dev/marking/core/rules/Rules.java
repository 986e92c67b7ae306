package dev.marking.core.rules;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.content.ContentLevelRule;
import dev.marking.core.rules.content.PathLevelRule;
import dev.marking.core.rules.declass.FakeDeclassificationRule;
import dev.marking.core.rules.hidden.HiddenContentRule;
import dev.marking.core.rules.marking.CopyNumberRule;
import dev.marking.core.rules.marking.InconsistentMarkingRule;
import dev.marking.core.rules.marking.IncompleteMarkingRule;
import dev.marking.core.rules.marking.InvalidMarkingRule;
import dev.marking.core.rules.marking.MissingMarkingRule;
import dev.marking.core.rules.marking.NoncanonicalMarkingRule;
import dev.marking.core.rules.marking.TermExpiredRule;
import dev.marking.core.rules.pii.BankCardRule;
import dev.marking.core.rules.pii.EmailRule;
import dev.marking.core.rules.pii.IdCardRule;
import dev.marking.core.rules.pii.PhoneRule;
import dev.marking.core.rules.redaction.FakeRedactionRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that ship with marking: the only list of them. Rule ids, the ids a policy may name, help
 * texts and the SARIF rule catalogue all come from the descriptors of these rules (and the scanner's own,
 * {@link FileRules}).
 */
public final class Rules {

    private Rules() {
    }

    /** Every built-in rule, configured by {@code s}, in a stable order: one line each. */
    public static List<Rule> standard(RuleSettings s) {
        return List.of(
                new MissingMarkingRule(s.mode()),
                new InvalidMarkingRule(),
                new NoncanonicalMarkingRule(),
                new InconsistentMarkingRule(),
                new ContentLevelRule(s.parser(), s.terms(), s.mode()),
                new PathLevelRule(s.paths(), s.mode()),
                new IncompleteMarkingRule(s.parser()),
                new TermExpiredRule(),
                new CopyNumberRule(),
                new FakeDeclassificationRule(s.codenames()),
                new FakeRedactionRule(),
                new HiddenContentRule(),
                new IdCardRule(),
                new PhoneRule(),
                new BankCardRule(),
                new EmailRule());
    }

    /** Every built-in rule with nothing configured but the schemes {@code parser} knows. */
    public static List<Rule> standard(MarkingParser parser) {
        return standard(RuleSettings.defaults(parser));
    }

    /** One descriptor per rule id, the scanner's own included, in a stable order: for policies, help and SARIF. */
    public static List<RuleDescriptor> catalogue() {
        return catalogue(standard(MarkingParser.standard()));
    }

    /**
     * One descriptor per id of {@code rules} and of the scanner ({@link FileRules}). Two different
     * descriptors with one id are a programming error: a rule that emits another rule's id uses that
     * rule's descriptor.
     */
    public static List<RuleDescriptor> catalogue(List<Rule> rules) {
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        List<RuleDescriptor> all = new ArrayList<>();
        rules.forEach(r -> all.addAll(r.descriptors()));
        all.addAll(FileRules.ALL);
        for (RuleDescriptor d : all) {
            RuleDescriptor earlier = byId.putIfAbsent(d.id(), d);
            if (earlier != null && !earlier.equals(d)) {
                throw new IllegalStateException("two descriptors for rule id " + d.id() + ": '" + earlier.summary()
                        + "' and '" + d.summary() + "'");
            }
        }
        return List.copyOf(byId.values());
    }

    /** The ids of {@link #catalogue()}. */
    public static List<String> ids() {
        return catalogue().stream().map(RuleDescriptor::id).toList();
    }
}
