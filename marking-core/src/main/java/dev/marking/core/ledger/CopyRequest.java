package dev.marking.core.ledger;

import dev.marking.core.model.CopyNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which copy numbers to issue: a range {@code 1-200} (refused if any is already issued), or a count
 * {@code 200} meaning the next 200 numbers after the highest already issued for the document.
 *
 * @param first first number of a range, 0 for a count
 * @param last  last number of a range, 0 for a count
 * @param count how many, for a count
 */
public record CopyRequest(int first, int last, int count) {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})\\s*-\\s*(\\d{1,6})");
    private static final Pattern COUNT = Pattern.compile("\\d{1,6}");

    /** Parses {@code 1-200} or {@code 200}; empty when the text is neither. */
    public static Optional<CopyRequest> parse(String text) {
        String t = text.strip();
        Matcher r = RANGE.matcher(t);
        if (r.matches()) {
            int a = Integer.parseInt(r.group(1));
            int b = Integer.parseInt(r.group(2));
            return a >= 1 && b >= a ? Optional.of(new CopyRequest(a, b, b - a + 1)) : Optional.empty();
        }
        if (COUNT.matcher(t).matches() && Integer.parseInt(t) >= 1) {
            return Optional.of(new CopyRequest(0, 0, Integer.parseInt(t)));
        }
        return Optional.empty();
    }

    public boolean isRange() {
        return first > 0;
    }

    /**
     * The numbers to issue given those already issued.
     *
     * @throws IllegalStateException naming the first number already issued (ranges), or when numbers run out
     */
    public List<CopyNumber> numbers(Set<Integer> issued) {
        List<CopyNumber> out = new ArrayList<>();
        int start = isRange() ? first : issued.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (int n = start; out.size() < count; n++) {
            if (n > CopyNumber.MAX) {
                throw new IllegalStateException("copy numbers would pass " + CopyNumber.MAX);
            }
            if (issued.contains(n)) {
                throw new IllegalStateException("copy " + new CopyNumber(n).formatted() + " was already issued");
            }
            out.add(new CopyNumber(n));
        }
        return out;
    }
}
