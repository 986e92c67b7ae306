package dev.marking.core.rules;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.content.ContentLevelRule;
import dev.marking.core.rules.content.PathLevelRule;
import dev.marking.core.rules.declass.DeclassLexicon;
import dev.marking.core.rules.declass.FakeDeclassificationRule;
import dev.marking.core.rules.declass.TemplateBlankRule;
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
import dev.marking.core.rules.scanned.NoTextRule;
import dev.marking.core.rules.seal.SealRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules marking knows: the only list of them. Rule ids, the ids a policy may name, help texts and the
 * SARIF rule catalogue all come from the descriptors of these rules and the scanner's own ({@link FileRules}).
 */
public final class RuleRegistry {

    /** Makes one rule, configured by the settings in force (a policy's mode, words, paths, codenames). */
    @FunctionalInterface
    public interface Entry {
        Rule create(RuleSettings settings);
    }

    private final List<Entry> entries;

    public RuleRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        catalogue();
    }

    /** Every built-in rule: one line each, in the order findings of one place are reported. */
    public static RuleRegistry standard() {
        return new RuleRegistry(List.of(
                s -> new MissingMarkingRule(s.mode()),
                s -> new InvalidMarkingRule(),
                s -> new NoncanonicalMarkingRule(),
                s -> new InconsistentMarkingRule(),
                s -> new ContentLevelRule(s.parser(), s.terms(), s.mode()),
                s -> new PathLevelRule(s.paths(), s.mode()),
                s -> new IncompleteMarkingRule(s.parser()),
                s -> new TermExpiredRule(),
                s -> new CopyNumberRule(),
                s -> new FakeDeclassificationRule(DeclassLexicon.standard().with(Map.of(), List.of(), s.codenames()),
                        s.pseudonyms()),
                s -> new TemplateBlankRule(),
                s -> new FakeRedactionRule(),
                s -> new HiddenContentRule(),
                s -> new IdCardRule(),
                s -> new PhoneRule(),
                s -> new BankCardRule(),
                s -> new EmailRule(),
                s -> new NoTextRule(s.mode()),
                s -> new SealRule(s.parser(), s.seal())));
    }

    /** This registry and {@code entry} after it (an extension's own rule, a test's). */
    public RuleRegistry with(Entry entry) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(entry);
        return new RuleRegistry(all);
    }

    /** The rules, configured by {@code settings}, in registration order. */
    public List<Rule> rules(RuleSettings settings) {
        return entries.stream().map(e -> e.create(settings)).toList();
    }

    /** The rules with nothing configured but the schemes {@code parser} knows. */
    public List<Rule> rules(MarkingParser parser) {
        return rules(RuleSettings.defaults(parser));
    }

    /**
     * One descriptor per rule id, the scanner's own included, in a stable order: for policies, help and
     * SARIF. Two different descriptors with one id are a programming error, refused when the registry is
     * made: a rule that emits another rule's id uses that rule's descriptor.
     */
    public List<RuleDescriptor> catalogue() {
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        List<RuleDescriptor> all = new ArrayList<>();
        rules(MarkingParser.standard()).forEach(r -> all.addAll(r.descriptors()));
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
    public List<String> ids() {
        return catalogue().stream().map(RuleDescriptor::id).toList();
    }
}
