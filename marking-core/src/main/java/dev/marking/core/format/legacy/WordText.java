package dev.marking.core.format.legacy;

import java.util.ArrayDeque;

/** Word 97–2003 story text as a reader sees it: field results without field codes, no control marks. */
final class WordText {

    private static final char FIELD_BEGIN = '\u0013';
    private static final char FIELD_SEPARATOR = '\u0014';
    private static final char FIELD_END = '\u0015';

    private WordText() {
    }

    /** {@code raw} with Word's special characters dropped or mapped (tabs and line breaks to spaces). */
    static String clean(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\u000b', '\t', '\u00a0' -> sb.append(' ');
                case '\u001e' -> sb.append('-'); // non-breaking hyphen
                default -> {
                    if (c >= ' ' && c != '\u007f') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString().strip();
    }

    /**
     * Follows fields through a story: a field is {@code 0x13 code 0x14 result 0x15} or {@code 0x13 code 0x15};
     * fields nest (a TOC holds hyperlinks) and span paragraphs, so one instance reads a whole story in order.
     */
    static final class Fields {

        /** Per open field, true while in its code part. */
        private final ArrayDeque<Boolean> open = new ArrayDeque<>();
        private int inCode;

        /** The characters of {@code run} outside field codes, without the field marks. */
        String visible(String run) {
            StringBuilder sb = new StringBuilder(run.length());
            for (int i = 0; i < run.length(); i++) {
                char c = run.charAt(i);
                if (c == FIELD_BEGIN) {
                    open.push(true);
                    inCode++;
                } else if (c == FIELD_SEPARATOR) {
                    if (!open.isEmpty() && open.peek()) {
                        open.pop();
                        open.push(false);
                        inCode--;
                    }
                } else if (c == FIELD_END) {
                    if (!open.isEmpty() && open.pop()) {
                        inCode--;
                    }
                } else if (inCode == 0) {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }
}
