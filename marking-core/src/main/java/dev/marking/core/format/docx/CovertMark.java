package dev.marking.core.format.docx;

import dev.marking.core.format.MetadataKeys;
import dev.marking.core.model.CopyNumber;
import java.util.Optional;

/**
 * The copy number hidden in zero-width characters, appended to the text of our running header and
 * footer paragraphs. It lives in the document XML itself, so it survives removing the properties
 * parts, and LibreOffice keeps the characters when it re-saves as DOCX. U+2060 (word joiner) opens and
 * closes the mark; between them 18 base-3 digits over U+200B, U+200C and U+200D hold 20 bits of copy
 * number and an 8-bit check. Only a whole delimited mark counts, so text that LibreOffice repeats or
 * cuts still gives the right number. The reader strips these characters from the visible text.
 */
final class CovertMark {

    /** Read-model property with the six digits found. */
    static final String PROPERTY = MetadataKeys.COVERT_COPY;

    private static final char DELIMITER = '\u2060';
    private static final String DIGITS = "\u200B\u200C\u200D";
    private static final int VALUE_BITS = 20;
    private static final int CHECK_BITS = 8;
    private static final int LENGTH = 18;
    private static final int CHECK_MASK = 0xFF;
    private static final int CHECK_SEED = 0xA5;
    private static final int CHECK_MULTIPLIER = 31;

    private CovertMark() {
    }

    /** The zero-width string for {@code copy}. */
    static String encode(CopyNumber copy) {
        long bits = ((long) copy.value() << CHECK_BITS) | check(copy.value());
        char[] digits = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            digits[i] = DIGITS.charAt((int) (bits % 3));
            bits /= 3;
        }
        return DELIMITER + new String(digits) + DELIMITER;
    }

    /** True for one of the four characters the mark is written in. */
    static boolean isSymbol(char c) {
        return c == DELIMITER || DIGITS.indexOf(c) >= 0;
    }

    /** {@code text} without the mark's characters. */
    static String strip(String text) {
        if (text.chars().noneMatch(c -> isSymbol((char) c))) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isSymbol(text.charAt(i))) {
                sb.append(text.charAt(i));
            }
        }
        return sb.toString();
    }

    /** The mark's characters of {@code text}, in order. */
    static String symbols(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (isSymbol(text.charAt(i))) {
                sb.append(text.charAt(i));
            }
        }
        return sb.toString();
    }

    /** The first whole mark in {@code symbols} whose check holds, as six digits. */
    static Optional<String> decode(String symbols) {
        int open = symbols.indexOf(DELIMITER);
        while (open >= 0) {
            int close = symbols.indexOf(DELIMITER, open + 1);
            if (close < 0) {
                break;
            }
            if (close - open - 1 == LENGTH) {
                Optional<String> found = value(symbols.substring(open + 1, close));
                if (found.isPresent()) {
                    return found;
                }
            }
            open = close;
        }
        return Optional.empty();
    }

    private static Optional<String> value(String digits) {
        long bits = 0;
        for (int i = 0; i < digits.length(); i++) {
            bits = bits * 3 + DIGITS.indexOf(digits.charAt(i));
        }
        long value = bits >> CHECK_BITS;
        if (value >= 1 && value <= CopyNumber.MAX && (bits & CHECK_MASK) == check((int) value)) {
            return Optional.of(new CopyNumber((int) value).formatted());
        }
        return Optional.empty();
    }

    private static int check(int value) {
        int h = CHECK_SEED;
        for (int shift = 0; shift < VALUE_BITS; shift += 4) {
            h = (h * CHECK_MULTIPLIER + ((value >> shift) & 0xF)) & CHECK_MASK;
        }
        return h;
    }
}
