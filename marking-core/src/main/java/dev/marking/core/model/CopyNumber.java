package dev.marking.core.model;

import dev.marking.core.text.Widths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 份号: a copy number, written as six Arabic digits ({@code 000123}). */
public record CopyNumber(int value) implements Comparable<CopyNumber> {

    public static final int MAX = 999_999;

    private static final Pattern LINE = Pattern.compile("^\\s*(?:份号\\s*[:：]?\\s*)?(\\d{1,12})\\s*$");

    public CopyNumber {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("copy number must be 1.." + MAX + ", was " + value);
        }
    }

    /** The digits of a line that holds only a copy number ({@code 000123}, {@code 份号：000123}), else "". */
    public static String digitsOfLine(String line) {
        Matcher m = LINE.matcher(Widths.fold(line));
        return m.matches() ? m.group(1) : "";
    }

    /** The six-digit form printed on the document. */
    public String formatted() {
        return String.format("%06d", value);
    }

    @Override
    public int compareTo(CopyNumber o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
