package dev.marking.core.format.pdf;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the graphics states a page's content leaves saved ({@code q} without its {@code Q}) by reading its bytes
 * once, without building tokens: strings, hex strings, names, comments and inline image data are stepped over, and
 * only the operators {@code q}, {@code Q} and {@code BI}…{@code ID} are recognised. It gives the count PDFBox's
 * {@code PDFStreamParser} gives (a test holds it to that on every corpus page) at a fraction of the cost: on a long
 * real document tokenising each page only to count saves was a quarter of a stamp's time.
 */
final class SaveCounter {

    /** Past this many open saves the content is hostile: each would need its own {@code Q} after it. */
    private static final int LIMIT = ContentLimits.MAX_SAVED_STATES;

    /** How many bytes after an inline image's {@code EI} must be text for it to end the image. */
    private static final int TEXT_AHEAD = 10;

    private final InputStream in;
    /**
     * Our own buffer, not a {@code BufferedInputStream}: its {@code read()} takes a lock per byte, which was most of
     * this class's time on a long document.
     */
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private int pushed = -1;

    private SaveCounter(InputStream in) {
        this.in = in;
    }

    /**
     * How many {@code q} the content in {@code in} leaves without a matching {@code Q}.
     *
     * @throws ContentLimits.LimitException past {@value ContentLimits#MAX_SAVED_STATES} open saves
     */
    static int unclosed(InputStream in) throws IOException {
        return new SaveCounter(in).count();
    }

    private int count() throws IOException {
        int depth = 0;
        StringBuilder token = new StringBuilder(8);
        for (int c = read(); c >= 0; c = read()) {
            if (whitespace(c)) {
                continue;
            }
            switch (c) {
                case '%' -> skipLine();
                case '(' -> skipString();
                case '<' -> skipAngle();
                case '/' -> skipRegular();
                case ')', '>', '[', ']', '{', '}' -> {
                    // a delimiter on its own
                }
                default -> {
                    token.setLength(0);
                    token.append((char) c);
                    for (int d = read(); d >= 0; d = read()) {
                        if (whitespace(d) || delimiter(d)) {
                            unread(d);
                            break;
                        }
                        if (token.length() < 3) {
                            token.append((char) d);
                        } else {
                            token.setLength(3); // longer than any operator we look for: keep it unlike them
                        }
                    }
                    if (token.length() == 1 && token.charAt(0) == 'q') {
                        if (++depth > LIMIT) {
                            throw new ContentLimits.LimitException("more than " + String.format("%,d", LIMIT)
                                    + " graphics states saved and not restored");
                        }
                    } else if (token.length() == 1 && token.charAt(0) == 'Q') {
                        depth = Math.max(0, depth - 1);
                    } else if (token.length() == 2 && token.charAt(0) == 'I' && token.charAt(1) == 'D') {
                        skipInlineImage();
                    }
                }
            }
        }
        return depth;
    }

    /** A literal string: balanced parentheses, a backslash escapes the next byte. */
    private void skipString() throws IOException {
        int nesting = 1;
        for (int c = read(); c >= 0; c = read()) {
            if (c == '\\') {
                read();
            } else if (c == '(') {
                nesting++;
            } else if (c == ')' && --nesting == 0) {
                return;
            }
        }
    }

    /** {@code <<} opens a dictionary (a delimiter); a single {@code <} a hex string, skipped to its {@code >}. */
    private void skipAngle() throws IOException {
        int c = read();
        if (c == '<') {
            return;
        }
        for (; c >= 0 && c != '>'; c = read()) {
            // hex digits and white space
        }
    }

    private void skipRegular() throws IOException {
        for (int c = read(); c >= 0; c = read()) {
            if (whitespace(c) || delimiter(c)) {
                unread(c);
                return;
            }
        }
    }

    private void skipLine() throws IOException {
        for (int c = read(); c >= 0; c = read()) {
            if (c == '\n' || c == '\r') {
                return;
            }
        }
    }

    /**
     * Inline image data after {@code ID}: binary, ended by white space and {@code EI} followed by white space, the
     * end, or text (the next bytes are not binary), the rule PDFBox's parser applies.
     */
    private void skipInlineImage() throws IOException {
        int a = read(); // the single white space after ID
        int b = read();
        int c = read();
        while (c >= 0) {
            if (whitespace(a) && b == 'E' && c == 'I' && endsImage()) {
                return;
            }
            a = b;
            b = c;
            c = read();
        }
    }

    /** After {@code EI}: true when white space, the end or only text follows (then nothing is consumed). */
    private boolean endsImage() throws IOException {
        for (int i = 0; i < TEXT_AHEAD; i++) {
            int d = peek(i);
            if (d < 0 || i == 0 && whitespace(d)) {
                break;
            }
            if (!(d == '\t' || d == '\n' || d == '\r' || d == '\f' || d >= 0x20 && d < 0x7f)) {
                return false;
            }
        }
        return true;
    }

    private int read() throws IOException {
        if (pushed >= 0) {
            int c = pushed;
            pushed = -1;
            return c;
        }
        if (pos == lim && !fill(1)) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** The byte {@code ahead} places past the next one to be read, without consuming it; -1 past the end. */
    private int peek(int ahead) throws IOException {
        return pos + ahead < lim || fill(ahead + 1) ? buf[pos + ahead] & 0xff : -1;
    }

    /** Reads until at least {@code n} bytes are buffered after {@link #pos}; false when the content ends first. */
    private boolean fill(int n) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        while (lim < n) {
            int got = in.read(buf, lim, buf.length - lim);
            if (got < 0) {
                return false;
            }
            lim += got;
        }
        return true;
    }

    private void unread(int c) {
        pushed = c;
    }

    private static boolean whitespace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    private static boolean delimiter(int c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}'
                || c == '/' || c == '%';
    }
}
