package dev.marking.core.rules.content;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Level;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.marking.InconsistentMarkingRule;
import dev.marking.core.rules.marking.MissingMarkingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Policy path rules: {@code secret/**: at least 机密}, {@code public/**: must be 公开}. */
public final class PathLevelRule implements Rule {

    private final List<PathRule> paths;
    private final MarkingMode mode;

    public PathLevelRule(List<PathRule> paths, MarkingMode mode) {
        this.paths = List.copyOf(paths);
        this.mode = mode;
    }

    @Override
    public RuleDescriptor descriptor() {
        return InconsistentMarkingRule.DESCRIPTOR;
    }

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(InconsistentMarkingRule.DESCRIPTOR, MissingMarkingRule.DESCRIPTOR);
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        Optional<Marking> marking = context.evidence().resolved();
        for (PathRule rule : paths) {
            if (!rule.glob().matches(context.relativePath())) {
                continue;
            }
            Level required = rule.atLeast().or(rule::mustBe).orElseThrow();
            String wants = rule.atLeast().isPresent() ? "path.at-least" : "path.must-be";
            if (marking.isEmpty()) {
                if (mode == MarkingMode.CONTENT && required.classified()) {
                    out.add(context.finding(MissingMarkingRule.DESCRIPTOR, Location.FILE, null, "path.unmarked",
                            rule.glob().pattern(), context.messages().format(wants, required.name())));
                }
                continue;
            }
            Level marked = marking.get().level();
            boolean ok = rule.atLeast().isPresent() ? marked.atLeast(required) : marked.equals(required);
            if (!ok) {
                out.add(context.finding(InconsistentMarkingRule.DESCRIPTOR, Location.FILE, marking.get().mark(),
                        "path.wrong-level", rule.glob().pattern(), context.messages().format(wants, required.name()),
                        marking.get().mark()));
            }
        }
        return out;
    }
}
