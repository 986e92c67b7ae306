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
 * Bank card numbers: 16–19 digits, whole or in groups of four, with a plausible issuer prefix
 * (3, 4, 5, 6 — UnionPay 62, Visa, Mastercard, JCB/Amex) and a valid Luhn check digit. An unbroken
 * run that is also a valid resident ID number is left to {@link IdCardRule}.
 */
public final class BankCardRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("pii.bank-card", Severity.ERROR,
            "A bank card number (16-19 digits, Luhn check digit, known issuer prefix) in the text (default: error);"
                    + " shown masked.");

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9])[0-9]{16,19}(?![0-9Xx])"
            + "|(?<![0-9][ -]?)[0-9]{4}([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}(?:\\1[0-9]{1,3})?(?![ -]?[0-9])");
    /** The fewest ASCII digits a match has (a card number has 16 to 19 digits). */
    private static final int MIN_DIGITS = 16;

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (PiiText.Hit h : PiiText.numberMatches(context.model(), NUMBER, MIN_DIGITS)) {
            MatchResult m = h.match();
            String digits = PiiText.digits(m.group());
            boolean idNumber = m.group().length() == 18 && IdCardRule.isValid(digits, context.today());
            if (isCardNumber(digits) && !idNumber) {
                String masked = Masks.bankCard(digits);
                out.add(context.finding(DESCRIPTOR, h.location(), masked, "pii.bank-card",
                        masked));
            }
        }
        return out;
    }

    /** 16–19 digits with a plausible issuer prefix, not all the same digit, and a valid Luhn check digit. */
    public static boolean isCardNumber(String digits) {
        if (digits.length() < 16 || digits.length() > 19 || "3456".indexOf(digits.charAt(0)) < 0) {
            return false;
        }
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        return luhn(digits);
    }

    /** The Luhn (mod 10) check over all digits, the last being the check digit. */
    public static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
