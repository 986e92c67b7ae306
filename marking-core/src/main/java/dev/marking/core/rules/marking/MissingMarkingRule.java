package dev.marking.core.rules.marking;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.List;

/** Every document must declare its level (mandatory marking, DESIGN §1.5a); 公开/非密 count. */
public final class MissingMarkingRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("marking.missing", Severity.ERROR,
            "The document carries no visible classification mark (公开/非密 count as a mark).");

    private final MarkingMode mode;

    /** Mandatory marking. */
    public MissingMarkingRule() {
        this(MarkingMode.MANDATORY);
    }

    /** With content-triggered marking the scanner decides from the other findings (DESIGN §1.5a). */
    public MissingMarkingRule(MarkingMode mode) {
        this.mode = mode;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        MarkingEvidence e = context.evidence();
        if (!e.visible().isEmpty() || mode == MarkingMode.CONTENT && e.metadata().isEmpty()) {
            return List.of();
        }
        if (e.metadata().isPresent()) {
            String mark = e.metadata().get().context();
            return List.of(context.finding(DESCRIPTOR, Location.FILE, mark, "missing.metadata-only", mark));
        }
        return List.of(context.finding(DESCRIPTOR, Location.FILE, null, "missing.none"));
    }
}
