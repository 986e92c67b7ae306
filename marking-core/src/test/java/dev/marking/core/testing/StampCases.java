package dev.marking.core.testing;

import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import java.time.LocalDate;
import java.util.Optional;

/** The stamps format tests apply: a first one with every part, and a second that must replace it. */
public final class StampCases {

    public static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private StampCases() {
    }

    /** 机密★5年, copy 000123, 特急, document {@code doc-1}. */
    public static StampOptions first() {
        Marking m = new Marking(MarkingParser.standard().level("机密").orElseThrow(), new Term.Years(5),
                Optional.of(new CopyNumber(123)), Optional.empty(), Optional.of(Urgency.URGENT), Optional.empty());
        return StampOptions.all(m, "doc-1", DAY);
    }

    /** 秘密★1年, copy 000007, document {@code doc-2}. */
    public static StampOptions second() {
        Marking m = Marking.of(MarkingParser.standard().level("秘密").orElseThrow(), new Term.Years(1))
                .withCopy(new CopyNumber(7));
        return StampOptions.all(m, "doc-2", DAY);
    }
}
