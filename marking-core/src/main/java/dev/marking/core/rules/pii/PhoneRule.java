package dev.marking.core.rules.pii;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Mainland mobile numbers: 11 digits starting 13–19, optionally after +86, 0086 or 86, written whole
 * or grouped 3-4-4 with spaces or hyphens, and not part of a longer run of digits.
 */
public final class PhoneRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("pii.phone", Severity.WARNING,
            "A mainland mobile phone number (1[3-9]x, 11 digits, optional +86) in the text (default: warning);"
                    + " shown masked.");

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9+])(?:(?:\\+|00)?86[ -]?)?(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})(?![0-9])");
    /** The fewest ASCII digits a match has (a mobile number has 11 digits). */
    private static final int MIN_DIGITS = 11;

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (PiiText.Hit h : PiiText.numberMatches(context.model(), NUMBER, MIN_DIGITS)) {
            MatchResult m = h.match();
            String masked = Masks.phone(m.group(1) + m.group(2) + m.group(3));
            out.add(context.finding(DESCRIPTOR, h.location(), masked, "pii.phone", masked));
        }
        return out;
    }
}
