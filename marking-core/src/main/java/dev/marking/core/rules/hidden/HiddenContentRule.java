package dev.marking.core.rules.hidden;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hidden.content}: what a file carries that a reader does not see — tracked changes not accepted,
 * comments, hidden text, custom XML, properties, alt text, embedded objects, attachments, JavaScript,
 * hidden layers (DESIGN §1.5). Text under an opaque box or removed by a later PDF revision is
 * {@code redaction.fake}, not this rule.
 */
public final class HiddenContentRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("hidden.content", Severity.WARNING,
            "Content a reader does not see: tracked changes, comments, hidden text, metadata, attachments, scripts");

    /** Kinds that are {@code redaction.fake}, not this rule. */
    static final Set<HiddenKind> REDACTION = EnumSet.of(HiddenKind.COVERED_TEXT, HiddenKind.EARLIER_REVISION);
    private static final int EXCERPT = 60;
    /** Items of one kind listed one by one; the rest are counted in one finding. */
    static final int LISTED = 10;

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        Map<HiddenKind, Integer> seen = new EnumMap<>(HiddenKind.class);
        Map<HiddenKind, HiddenItem> firstUnlisted = new LinkedHashMap<>();
        for (HiddenItem item : context.model().hidden()) {
            Interruption.check();
            if (REDACTION.contains(item.kind())) {
                continue;
            }
            if (seen.merge(item.kind(), 1, Integer::sum) > LISTED) {
                firstUnlisted.putIfAbsent(item.kind(), item); // 138 tracked changes: list ten, count the rest
                continue;
            }
            String text = item.text() == null ? "" : item.text().strip();
            String excerpt = text.isEmpty() ? context.messages().format("hidden.no-text") : excerpt(text);
            out.add(context.finding(DESCRIPTOR, item.location(), text.isEmpty() ? null : text,
                    "hidden." + item.kind().id(), excerpt, item.kind()));
        }
        firstUnlisted.forEach((kind, item) -> out.add(context.finding(DESCRIPTOR, item.location(), null, "hidden.more",
                seen.get(kind) - LISTED, kind)));
        return out;
    }

    /** The first characters of {@code text} on one line, for a message. */
    public static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }
}
