package dev.marking.core.rules.marking;

import dev.marking.core.format.MetadataKeys;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import dev.marking.core.model.Term;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A term that has run out: counted from the issue date when stated, else from the stamp date in the
 * metadata. The document is due for declassification review, it is not unmarked.
 */
public final class TermExpiredRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("term.expired", Severity.ERROR,
            "The secrecy term has ended (counted from the issue date or stamp date): review for declassification.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Optional<Marking> marking = context.evidence().resolved();
        if (marking.isEmpty() || !marking.get().level().classified()) {
            return List.of();
        }
        Marking m = marking.get();
        Optional<LocalDate> start = m.issued()
                .or(() -> MarkingEvidence.date(context.model().properties().get(MetadataKeys.STAMPED)));
        LocalDate from = start.orElse(LocalDate.MIN);
        Optional<LocalDate> end = start.isPresent() || m.term() instanceof Term.Until
                ? m.term().endsOn(from) : Optional.empty();
        if (end.isEmpty() || !context.today().isAfter(end.get())) {
            return List.of();
        }
        String since = start.map(LocalDate::toString).orElse("-");
        return List.of(context.finding(DESCRIPTOR, Location.FILE, m.mark(), "expired.term", m.term().canonical(),
                end.get().toString(), since));
    }
}
