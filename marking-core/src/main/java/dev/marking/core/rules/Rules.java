package dev.marking.core.rules;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.policy.Policy;
import dev.marking.core.rules.content.ContentLevelRule;
import dev.marking.core.rules.declass.FakeDeclassificationRule;
import dev.marking.core.rules.hidden.HiddenContentRule;
import dev.marking.core.rules.redaction.FakeRedactionRule;
import dev.marking.core.rules.scanned.NoTextRule;
import dev.marking.core.rules.content.PathLevelRule;
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
import java.util.ArrayList;
import java.util.List;

/** The rules that ship with marking. */
public final class Rules {

    private Rules() {
    }

    /** Every built-in rule under the built-in policy, in a stable order. */
    public static List<Rule> standard(MarkingParser parser) {
        return forPolicy(Policy.defaults(), parser);
    }

    /** Every rule configured by {@code policy}; rules the policy turns off are left out. */
    public static List<Rule> forPolicy(Policy policy, MarkingParser parser) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new MissingMarkingRule(policy.mode()));
        rules.add(new InvalidMarkingRule());
        rules.add(new NoncanonicalMarkingRule());
        rules.add(new InconsistentMarkingRule());
        rules.add(new ContentLevelRule(parser, policy.terms(), policy.mode()));
        rules.add(new PathLevelRule(policy.paths(), policy.mode()));
        rules.add(new IncompleteMarkingRule(parser));
        rules.add(new TermExpiredRule());
        rules.add(new CopyNumberRule());
        rules.add(new FakeDeclassificationRule(policy.codenames()));
        rules.add(new FakeRedactionRule());
        rules.add(new HiddenContentRule());
        rules.add(new IdCardRule());
        rules.add(new PhoneRule());
        rules.add(new BankCardRule());
        rules.add(new EmailRule());
        rules.add(new NoTextRule(policy.mode()));
        return rules.stream().filter(r -> policy.enabled(r.descriptor().id())).toList();
    }

    /** Descriptors of every rule, the scanner's own included, for help texts and SARIF. */
    public static List<RuleDescriptor> descriptors(MarkingParser parser) {
        List<RuleDescriptor> all = new ArrayList<>();
        standard(parser).stream().map(Rule::descriptor).filter(d -> all.stream().noneMatch(a -> a.id().equals(d.id())))
                .forEach(all::add);
        all.add(FileRules.UNREADABLE);
        all.add(FileRules.ENCRYPTED);
        return all;
    }
}
