package dev.marking.core.rules.redaction;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.hidden.HiddenContentRule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redaction.fake}: text that looks blacked out but is still in the file — under an opaque box or
 * annotation, black on black, white on white, clipped away (DESIGN §1.5). The adapters find it and report
 * it as a hidden item of kind {@code covered-text}; anyone can copy it out, so it is an error. Text an
 * incremental update of a PDF removed but the file still carries (kind {@code earlier-revision}) is the
 * same mistake made with a later save, so it is this rule too. Covered text that is only the box's label or
 * filler ({@code Privileged}, {@code 已删除}, leader dots) leaks nothing and is not reported.
 */
public final class FakeRedactionRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("redaction.fake", Severity.ERROR,
            "Text covered by a box or colour instead of removed: it can still be copied out (假涂黑)");


    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (HiddenItem item : context.model().hidden()) {
            Interruption.check();
            String text = item.text() == null ? "" : item.text().strip();
            boolean earlier = item.kind() == HiddenKind.EARLIER_REVISION;
            boolean label = !earlier && RedactionLabels.leaksNothing(text); // 'Privileged' in the box, leader dots
            if ((item.kind() == HiddenKind.COVERED_TEXT || earlier) && !text.isEmpty() && !label) {
                out.add(context.finding(DESCRIPTOR, item.location(), text,
                        earlier ? "redaction.earlier-revision" : "redaction.covered", HiddenContentRule.excerpt(text)));
            }
        }
        return out;
    }
}
