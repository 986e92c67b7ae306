package dev.marking.core.text;

import java.util.OptionalInt;

/** Reads small Chinese numerals as used in terms: 五, 十, 十五, 二十, 三十, 两. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** The value of a numeral below 100, or empty when {@code s} is not one. */
    public static OptionalInt parse(String s) {
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        String t = s.replace('两', '二').replace('〇', '零');
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? digit(t.charAt(0)) : OptionalInt.empty();
        }
        if (t.indexOf('十', ten + 1) >= 0) {
            return OptionalInt.empty();
        }
        int tens = 1;
        if (ten > 0) {
            OptionalInt d = ten == 1 ? digit(t.charAt(0)) : OptionalInt.empty();
            if (d.isEmpty() || d.getAsInt() == 0) {
                return OptionalInt.empty();
            }
            tens = d.getAsInt();
        }
        int units = 0;
        if (ten < t.length() - 1) {
            OptionalInt d = ten == t.length() - 2 ? digit(t.charAt(ten + 1)) : OptionalInt.empty();
            if (d.isEmpty()) {
                return OptionalInt.empty();
            }
            units = d.getAsInt();
        }
        return OptionalInt.of(tens * 10 + units);
    }

    /** True when every character of {@code s} can be part of a numeral. */
    public static boolean isNumeral(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (DIGITS.indexOf(c) < 0 && c != '十' && c != '两' && c != '〇') {
                return false;
            }
        }
        return s.length() > 0;
    }

    private static OptionalInt digit(char c) {
        int i = DIGITS.indexOf(c);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
