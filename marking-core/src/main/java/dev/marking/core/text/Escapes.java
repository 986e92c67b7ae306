package dev.marking.core.text;

import java.util.Locale;

/**
 * Makes text safe to print on a terminal line: a file name or a document's text may hold a newline (a forged
 * report line), an ANSI escape (recolouring or hiding what follows) or a bidi override (showing {@code
 * gpj.exe} as {@code exe.jpg}). Those characters are shown as escapes, everything else as it is.
 */
public final class Escapes {

    private Escapes() {
    }

    /**
     * {@code s} with control characters, bidi controls and line separators escaped: a newline as backslash-n, ESC
     * as backslash-x1b, U+202E as backslash-u202e.
     */
    public static String visible(String s) {
        if (s == null || s.codePoints().noneMatch(Escapes::unsafe)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            if (!unsafe(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x100) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else {
                sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
            }
        });
        return sb.toString();
    }

    /**
     * True for characters that change how a line looks or where it ends: C0 and C1 controls, DEL, the bidi
     * marks, embeddings, overrides and isolates, and the Unicode line and paragraph separators.
     */
    public static boolean unsafe(int cp) {
        return Character.isISOControl(cp) || cp == 0x061C || cp == 0x200E || cp == 0x200F
                || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x2028 || cp == 0x2029;
    }
}
