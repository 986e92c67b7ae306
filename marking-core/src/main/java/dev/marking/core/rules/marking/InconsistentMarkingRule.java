package dev.marking.core.rules.marking;

import dev.marking.core.format.MetadataKeys;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Handling;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingEvidence.Found;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first-page block, running headers, watermarks and metadata must all say the same level and
 * term (DESIGN §3.4: readers trust them only when they agree). The first valid mark, in that order,
 * is the reference; each place that says otherwise is reported once.
 */
public final class InconsistentMarkingRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("marking.inconsistent", Severity.ERROR,
            "The marking disagrees with itself (first-page block, running headers, watermark, metadata) or is lower"
            + " than the body (本文件属机密, a secret point) or the file's folder requires.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Found> all = new ArrayList<>(context.evidence().visible());
        context.evidence().metadata().ifPresent(all::add);
        Optional<Found> reference = all.stream().filter(f -> f.mark().valid()).findFirst();
        if (reference.isEmpty()) {
            return List.of();
        }
        String expected = key(reference.get());
        List<Finding> out = new ArrayList<>(handling(context));
        Set<String> reported = new HashSet<>();
        for (Found f : all) {
            if (!f.mark().valid() || key(f).equals(expected) || !reported.add(f.source() + '\u0000' + key(f))) {
                continue;
            }
            out.add(context.finding(DESCRIPTOR, f.location(), f.mark().raw(), "inconsistent.mark",
                    source(context, reference.get()), reference.get().mark().canonical(), source(context, f),
                    f.mark().canonical()));
        }
        return out;
    }

    /**
     * The distribution scope and reproduction note recorded in metadata must be printed on the first page: a note
     * removed from the page but kept in metadata, or changed on one side only, is reported. A note on the page
     * without metadata is the document's own text (hand-typed), not a disagreement.
     */
    private static List<Finding> handling(RuleContext context) {
        Optional<Handling> meta = MarkingEvidence.metadataHandling(context.model().properties());
        Optional<Handling> seen = MarkingEvidence.visibleHandling(context.model());
        if (meta.isEmpty() || context.model().properties().get(MetadataKeys.LEVEL) == null) {
            return List.of();
        }
        Handling m = meta.orElse(Handling.NONE);
        Handling v = seen.orElse(Handling.NONE);
        if (m.equals(v)) {
            return List.of();
        }
        String none = context.messages().format("inconsistent.handling-none");
        return List.of(context.finding(DESCRIPTOR, Location.part("metadata"), m.line().orElse(""), "inconsistent.handling",
                v.line().orElse(none), m.line().orElse(none)));
    }

    /** Level and term only: 机密 and 机密★ both mean "term not stated". */
    private static String key(Found f) {
        return f.mark().marking().map(m -> m.level().scheme() + ':' + m.mark()).orElse("");
    }

    static String source(RuleContext context, Found f) {
        return context.messages().format("source." + f.source());
    }
}
