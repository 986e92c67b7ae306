package dev.marking.core.text;

/** Folds full-width ASCII and the ideographic space to their half-width forms, keeping string length. */
public final class Widths {

    private Widths() {
    }

    /** Same length as the input, so offsets found in the result point into the original. */
    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    public static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000' || c == '\u00A0') {
            return ' ';
        }
        return c;
    }

    /** Removes all whitespace, for comparing text across readers that split lines differently. */
    public static String squeeze(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00A0') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
