package dev.marking.core.rules.marking;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Message;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingEvidence.Found;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A mark whose term is too long, not a real date, 长期 below 绝密, or a term on 公开 (DESIGN §1.2). */
public final class InvalidMarkingRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("marking.invalid", Severity.ERROR,
            "A mark that breaks the rules: term longer than the level allows, impossible date, misplaced 长期.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        Stream.concat(context.evidence().visible().stream(), context.evidence().metadata().stream())
                .forEach(found -> report(context, found, out));
        return out;
    }

    private static void report(RuleContext context, Found found, List<Finding> out) {
        for (Message m : found.mark().errors()) {
            String reason = context.messages().format(m.key(), m.args().toArray());
            out.add(context.finding(DESCRIPTOR, found.location(), found.mark().raw(), "invalid.mark",
                    found.mark().raw(), reason));
        }
    }
}
