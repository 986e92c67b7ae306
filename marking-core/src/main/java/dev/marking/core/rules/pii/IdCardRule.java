package dev.marking.core.rules.pii;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Chinese resident ID numbers (GB 11643): 18 characters, a known province code, a real birth date
 * and the ISO 7064 MOD 11-2 check character. Numbers that fail any check are not reported.
 */
public final class IdCardRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("pii.id-card", Severity.ERROR,
            "A valid resident ID number (18 digits, real birth date, check digit) in the text (default: error);"
                    + " shown masked.");

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[1-8][0-9]{16}[0-9Xx](?![0-9Xx])");
    /** The fewest ASCII digits a match has (an ID number has 17 digits and a check character). */
    private static final int MIN_DIGITS = 17;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** Province-level codes of GB/T 2260 (and 83 for residence permits of Taiwan residents). */
    private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (PiiText.Hit h : PiiText.numberMatches(context.model(), CANDIDATE, MIN_DIGITS)) {
            MatchResult m = h.match();
            String id = m.group().toUpperCase(Locale.ROOT);
            if (isValid(id, context.today())) {
                String masked = Masks.idCard(id);
                out.add(context.finding(DESCRIPTOR, h.location(), masked, "pii.id-card", masked));
            }
        }
        return out;
    }

    /** True for 18 characters with a known province, a birth date from 1900 to {@code today} and the check character. */
    public static boolean isValid(String id, LocalDate today) {
        if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (!PROVINCES.contains(Integer.parseInt(id.substring(0, 2)))) {
            return false;
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        if (born.isBefore(EARLIEST) || born.isAfter(today)) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == checkChar(id.substring(0, 17));
    }

    /** The ISO 7064 MOD 11-2 check character ({@code 0}–{@code 9} or {@code X}) of the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
