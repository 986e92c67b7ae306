package dev.marking.core.rules.pii;

/** How personal information is shown in messages and reports: never in full. */
public final class Masks {

    private Masks() {
    }

    /** {@code 110101********1234}: the region code and the last four, the birth date and sequence hidden. */
    public static String idCard(String id) {
        return keep(id, 6, 4);
    }

    /** {@code 622202******1234}: the issuer prefix and the last four. */
    public static String bankCard(String digits) {
        return keep(digits, 6, 4);
    }

    /** {@code 138****5678}: the 11-digit number without country prefix, middle four hidden. */
    public static String phone(String elevenDigits) {
        return keep(elevenDigits, 3, 4);
    }

    /** {@code z***@example.com}: the first character of the local part, then the domain. */
    public static String email(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    private static String keep(String s, int head, int tail) {
        if (s.length() <= head + tail) {
            return "*".repeat(s.length());
        }
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
