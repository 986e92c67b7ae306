package dev.marking.core.rules.marking;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Once a document carries a running mark or a watermark anywhere, it must carry it everywhere: every
 * section's shown header types (DOCX) or every page (PDF). Pages appended after stamping are caught here.
 * Scanned pages are judged on their running mark only, and only at warning level, since OCR may miss it.
 */
public final class IncompleteMarkingRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("marking.incomplete", Severity.ERROR,
            "Some sections or pages lack the running mark or the watermark that the rest of the document has.");

    private final MarkingParser parser;

    public IncompleteMarkingRule(MarkingParser parser) {
        this.parser = parser;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        ReadModel model = context.model();
        List<Finding> out = new ArrayList<>();
        report(context, model.slots(), this::hasMark, "incomplete.header", out);
        // OCR reads no watermark (faint, diagonal, under the text): a scanned page says nothing either way.
        List<RunningSlot> withText = model.slots().stream().filter(s -> s.where().ocr() == null).toList();
        report(context, withText, slot -> !slot.watermarks().isEmpty(), "incomplete.watermark", out);
        return out;
    }

    private boolean hasMark(RunningSlot slot) {
        for (TextBlock b : slot.header()) {
            if (!parser.findAll(b.text()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void report(RuleContext context, List<RunningSlot> slots, Predicate<RunningSlot> has, String key,
            List<Finding> out) {
        List<RunningSlot> missing = slots.stream().filter(has.negate()).toList();
        if (missing.isEmpty() || missing.size() == slots.size()) {
            return;
        }
        String list = context.list(missing.stream().map(s -> s.describe(context.messages())).toList());
        RunningSlot first = missing.get(0);
        Location where = first.type().variant() ? first.location("header") : first.where();
        // Where only scanned pages seem to lack it, OCR may have misread it (small print, noise): a warning.
        boolean onlyScans = missing.stream().allMatch(s -> s.where().ocr() != null);
        out.add(context.finding(DESCRIPTOR, onlyScans ? Severity.WARNING : DESCRIPTOR.defaultSeverity(), where, null, key,
                list));
    }
}
