package dev.marking.core.extending;

import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny rule, the worked example of the README's "Extending marking": {@code example.todo}, a TODO left
 * in a document. A real rule is the same: this class (its descriptor in its own file) plus one line in
 * {@code RuleRegistry.standard()}, and its message in both bundles.
 */
final class TodoRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("example.todo", Severity.WARNING,
            "A TODO is left in the document.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (TextBlock b : context.model().body()) {
            int at = b.text().indexOf("TODO");
            if (at >= 0) {
                // A built-in rule names a bundle key here; this test-only rule has none, so the key is the message.
                out.add(context.finding(DESCRIPTOR, b.location().withColumn(at + 1), "TODO", "example.todo"));
            }
        }
        return out;
    }
}
