package dev.marking.core.rules.marking;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Level;
import dev.marking.core.model.ParsedMark;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingEvidence.Found;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted but non-canonical marks (full-width, ☆ for ★, 五年 for 5年) as warnings with the canonical
 * form, and marks without a stated term as info (the law's maximum applies). Marks read by OCR from a
 * scan are not judged on their form.
 */
public final class NoncanonicalMarkingRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("marking.noncanonical", Severity.WARNING,
            "A mark written in an accepted but non-canonical form; the message gives the canonical form.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (Found found : context.evidence().visible()) {
            ParsedMark p = found.mark();
            if (!p.errors().isEmpty() || found.location().ocr() != null) {
                continue; // OCR cannot tell 机密 from 機密, ★ from ☆ or a space from none: its form proves nothing
            }
            if (p.noncanonical()) {
                out.add(context.finding(DESCRIPTOR, found.location(), p.raw(), "noncanonical.mark", p.raw(),
                        p.canonical()));
            }
            if (p.termUnstated() && p.marking().get().level().classified()) {
                out.add(unstated(context, found, p.marking().get().level()));
            }
        }
        return out;
    }

    private static Finding unstated(RuleContext context, Found found, Level level) {
        String raw = found.mark().raw();
        if (level.maxTermYears().isPresent()) {
            return context.finding(DESCRIPTOR, Severity.INFO, found.location(), raw, "noncanonical.unstated", raw,
                    level.name(), String.valueOf(level.maxTermYears().get()));
        }
        return context.finding(DESCRIPTOR, Severity.INFO, found.location(), raw, "noncanonical.unstated-nomax", raw);
    }
}
