package dev.marking.core.format.docx;

import dev.marking.core.model.CopyNumber;
import java.util.Optional;

/**
 * The copy number hidden in zero-width characters, appended to the text of our running header and
 * footer paragraphs. It lives in the document XML itself, so it survives removing the properties
 * parts, and LibreOffice keeps the characters when it re-saves as DOCX. Base 4 over U+200B, U+200C,
 * U+200D and U+2060: 20 bits of copy number and an 8-bit check, 14 characters. The reader strips these
 * characters from the visible text, so the marks around them still parse.
 */
final class CovertMark {

    /** Read-model property with the six digits found ({@link dev.marking.core.trace.Tracer#COVERT_COPY}). */
    static final String PROPERTY = "covert.copy";

    private static final String SYMBOLS = "\u200B\u200C\u200D\u2060";
    private static final int VALUE_BITS = 20;
    private static final int CHECK_BITS = 8;
    private static final int LENGTH = (VALUE_BITS + CHECK_BITS) / 2;
    private static final int CHECK_MASK = 0xFF;
    private static final int CHECK_SEED = 0xA5;
    private static final int CHECK_MULTIPLIER = 31;

    private CovertMark() {
    }

    /** The zero-width string for {@code copy}. */
    static String encode(CopyNumber copy) {
        long bits = ((long) copy.value() << CHECK_BITS) | check(copy.value());
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = LENGTH - 1; i >= 0; i--) {
            sb.append(SYMBOLS.charAt((int) (bits >> (2 * i)) & 3));
        }
        return sb.toString();
    }

    /** True for one of the four characters the mark is written in. */
    static boolean isSymbol(char c) {
        return SYMBOLS.indexOf(c) >= 0;
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

    /** The first copy number whose check holds in a window of {@code symbols}, as six digits. */
    static Optional<String> decode(String symbols) {
        for (int start = 0; start + LENGTH <= symbols.length(); start++) {
            long bits = 0;
            for (int i = 0; i < LENGTH; i++) {
                bits = (bits << 2) | SYMBOLS.indexOf(symbols.charAt(start + i));
            }
            int value = (int) (bits >> CHECK_BITS);
            if (value >= 1 && value <= CopyNumber.MAX && (bits & CHECK_MASK) == check(value)) {
                return Optional.of(new CopyNumber(value).formatted());
            }
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
