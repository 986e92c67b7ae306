package dev.marking.core.format.rtf;

import dev.marking.core.format.Interruption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A streaming RTF reader: tokens ({@code {}, {@code }}, control words and symbols, text) drive a stack of
 * group states, and text goes to the story of the current destination. Bytes ({@code \'hh} and raw 8-bit
 * text) are decoded in the code page of the current font ({@code \fcharset}/{@code \cpg}) or the document
 * ({@code \ansicpg}), so GBK and Big5 text reads right; <code>&#92;uN</code> is read as UTF-16 and its
 * <code>&#92;ucN</code> fallback characters are skipped.
 */
final class RtfParser {

    /** Destinations whose text is never shown: tables, pictures, field instructions, list labels, revision data. */
    private static final Set<String> SKIPPED = Set.of("colortbl", "stylesheet", "pict", "themedata",
            "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "listtable", "listoverridetable", "rsidtbl",
            "generator", "fldinst", "pntext", "pntxta", "pntxtb", "listtext", "bkmkstart", "bkmkend", "atnid",
            "atnauthor", "atndate", "atnref", "atnparent", "atrfstart", "atrfend", "objdata", "objclass", "objname",
            "shprslt", "nonshppict", "xe", "tc", "filetbl", "revtbl", "template", "docvar", "mmath", "passwordhash",
            "protusertbl", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "listpicture", "wgrffmtfilter",
            "pgdsctbl", "fchars", "lchars", "private", "blipuid", "macpict", "wmetafile", "dibitmap", "wbitmap",
            "comment", "hlinkbase", "keycode", "buptim", "printim", "creatim", "revtim");
    /** Ignorable ({@code \*}) destinations whose text we read: shapes, user properties, document information. */
    private static final Set<String> READ = Set.of("shpinst", "shptxt", "sp", "sn", "sv", "userprops", "propname",
            "staticval", "fldrslt", "annotation", "shp");
    private static final Set<String> RUNNING = Set.of("header", "headerl", "headerr", "headerf", "footer", "footerl",
            "footerr", "footerf");
    private static final int MAX_WORD = 32;
    private static final int MAX_PARAMETER = 10;
    private static final String WORDART = "gtextUNICODE";
    /** The time limit ({@link Interruption}) is checked every 64 KiB of source. */
    private static final long CHECK_EVERY = 0xFFFF;

    /** What a group is doing; copied when a group opens, dropped when it closes. */
    private static final class State {
        private Story story;
        private Consumer<String> capture;
        private StringBuilder captured;
        private boolean fontTable;
        private int uc = 1;
        private int font = -1;
        private boolean hidden;
        private boolean deleted;
        private boolean ignorable;
        /** The story this group started, to end its last paragraph when the group closes. */
        private Story owned;

        State copy() {
            State s = new State();
            s.story = story;
            s.fontTable = fontTable;
            s.uc = uc;
            s.font = font;
            s.hidden = hidden;
            s.deleted = deleted;
            if (captured != null) {
                s.captured = captured; // nested groups inside a field ({\title {\b x}}) add to it
                s.capture = null;
            }
            return s;
        }
    }

    private final PushbackInputStream in;
    private final RtfDocument doc = new RtfDocument();
    private final Deque<State> stack = new ArrayDeque<>();
    private State state = new State();
    private final Map<Integer, Charset> fontCharsets = new HashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Charset documentCharset = Charsets.WESTERN;
    private int fontBeingDefined = -1;
    private int skipFallback;
    private String propertyName;
    private String shapePropertyName;

    private RtfParser(InputStream in) {
        this.in = new PushbackInputStream(in, 2);
        state.story = doc.body();
    }

    /**
     * Reads an RTF stream (from its {@code {\rtf1}, which the caller checked) into a document; a stream that ends
     * before its groups close (a truncated file) fails: what it lost cannot be checked.
     */
    static RtfDocument parse(InputStream in) throws IOException {
        RtfParser p = new RtfParser(in);
        p.run();
        return p.doc;
    }

    private void run() throws IOException {
        int c;
        long read = 0;
        while ((c = in.read()) != -1) {
            if ((++read & CHECK_EVERY) == 0) {
                Interruption.check();
            }
            switch (c) {
                case '{' -> {
                    flush();
                    skipFallback = 0;
                    stack.push(state);
                    state = state.copy();
                }
                case '}' -> {
                    flush();
                    skipFallback = 0;
                    close();
                }
                case '\\' -> control();
                case '\r', '\n' -> {
                    // line ends in RTF source are not text
                }
                default -> text(c);
            }
        }
        flush();
        if (!stack.isEmpty()) {
            throw new IOException("the RTF ends inside " + stack.size() + " unclosed group" + (stack.size() == 1 ? "" : "s")
                    + ": the file is truncated or damaged");
        }
    }

    private void close() {
        State closing = state;
        if (stack.isEmpty()) {
            return; // unbalanced: more closing braces than opening ones
        }
        state = stack.pop();
        if (closing.owned != null) {
            closing.owned.finish();
        }
        if (closing.capture != null) {
            closing.capture.accept(closing.captured.toString());
        }
    }

    private void text(int b) {
        if (skipFallback > 0) {
            skipFallback--;
            return;
        }
        if (b >= 0x80) {
            bytes.write(b);
            return;
        }
        flush();
        emit(String.valueOf((char) b));
    }

    private void emit(String s) {
        if (state.captured != null) {
            state.captured.append(s);
        } else if (state.story != null && !state.fontTable) {
            state.story.append(s, state.hidden, state.deleted);
        }
    }

    /** Decodes pending bytes in the current font's code page, else the document's. */
    private void flush() {
        if (bytes.size() == 0) {
            return;
        }
        Charset cs = fontCharsets.getOrDefault(state.font, documentCharset);
        String s = new String(bytes.toByteArray(), cs);
        bytes.reset();
        emit(s);
    }

    private void control() throws IOException {
        int c = in.read();
        if (c == -1) {
            return;
        }
        if (!isLetter(c)) {
            symbol(c);
            return;
        }
        StringBuilder word = new StringBuilder();
        while (c != -1 && isLetter(c) && word.length() < MAX_WORD) {
            word.append((char) c);
            c = in.read();
        }
        StringBuilder digits = new StringBuilder();
        if (c == '-') {
            digits.append('-');
            c = in.read();
        }
        while (c != -1 && c >= '0' && c <= '9' && digits.length() < MAX_PARAMETER) {
            digits.append((char) c);
            c = in.read();
        }
        if (c != ' ' && c != -1) {
            in.unread(c);
        }
        Integer parameter = digits.isEmpty() || "-".contentEquals(digits) ? null : Integer.valueOf(digits.toString());
        word(word.toString(), parameter);
    }

    private void symbol(int c) throws IOException {
        if (c == '\'') {
            int value = hex(in.read()) << 4 | hex(in.read());
            if (value >= 0) {
                if (skipFallback > 0) {
                    skipFallback--;
                } else {
                    bytes.write(value);
                }
            }
            return;
        }
        flush();
        switch (c) {
            case '*' -> state.ignorable = true;
            case '~' -> emit(" ");
            case '_' -> emit("-");
            case '\\', '{', '}' -> text(c);
            case '\r', '\n' -> word("par", null);
            case '\t' -> emit(" ");
            default -> {
                // \- optional hyphen, \: index entry, \| formula: nothing a reader sees
            }
        }
    }

    private void word(String word, Integer parameter) throws IOException {
        flush();
        if (!"u".equals(word) && !"bin".equals(word)) {
            skipFallback = 0;
        }
        boolean ignorable = state.ignorable;
        state.ignorable = false;
        int p = parameter == null ? 1 : parameter;
        if (destination(word, ignorable)) {
            return;
        }
        switch (word) {
            case "ansicpg" -> documentCharset = orElse(Charsets.codePage(p), documentCharset);
            case "uc" -> state.uc = Math.max(0, p);
            case "u" -> unicode(parameter == null ? 0 : parameter);
            case "bin" -> skipBinary(p);
            case "f" -> font(p);
            case "fcharset" -> fontCharset(Charsets.fontCharset(p));
            case "cpg" -> fontCharset(Charsets.codePage(p));
            case "par", "cell", "row", "nestcell", "nestrow" -> paragraphEnd();
            case "sect" -> {
                if (state.story == doc.body()) {
                    doc.newSection();
                }
            }
            case "line", "tab", "emspace", "enspace", "qmspace" -> emit(" ");
            case "v" -> state.hidden = p != 0;
            case "deleted" -> state.deleted = p != 0;
            case "plain" -> state.hidden = false;
            case "titlepg" -> doc.titlePage();
            case "facingp" -> doc.facingPages();
            case "lquote" -> emit("‘");
            case "rquote" -> emit("’");
            case "ldblquote" -> emit("“");
            case "rdblquote" -> emit("”");
            case "bullet" -> emit("•");
            case "endash" -> emit("–");
            case "emdash" -> emit("—");
            case "object" -> doc.object();
            default -> {
                // formatting: nothing a reader of the text needs
            }
        }
    }

    /** Starts the destination {@code word} names, if it is one; true when it was. */
    private boolean destination(String word, boolean ignorable) {
        if (RUNNING.contains(word)) {
            own(doc.runningStory(word));
        } else if ("footnote".equals(word)) {
            state.story = doc.footnotes();
        } else if ("annotation".equals(word)) {
            own(doc.comment());
        } else if ("fonttbl".equals(word)) {
            state.fontTable = true;
        } else if (RtfDocument.INFO.containsKey(word)) {
            capture(v -> doc.info(word, v));
        } else if ("propname".equals(word)) {
            capture(v -> propertyName = v);
        } else if ("staticval".equals(word)) {
            capture(v -> doc.userProperty(propertyName, v));
        } else if ("sn".equals(word)) {
            capture(v -> shapePropertyName = v.strip());
        } else if ("sv".equals(word)) {
            Story around = state.story;
            capture(v -> {
                if (WORDART.equals(shapePropertyName) && around != null) {
                    around.watermark(v);
                }
            });
        } else if (SKIPPED.contains(word) || ignorable && !known(word)) {
            state.story = null;
            state.captured = null;
        } else {
            return false;
        }
        return true;
    }

    /** Ignorable destinations we read rather than skip. */
    private static boolean known(String word) {
        return READ.contains(word) || RtfDocument.INFO.containsKey(word);
    }

    private void own(Story story) {
        state.story = story;
        state.owned = story;
        state.captured = null;
    }

    private void capture(Consumer<String> done) {
        state.captured = new StringBuilder();
        state.capture = done;
    }

    private void paragraphEnd() {
        if (state.story != null && state.captured == null) {
            state.story.endParagraph();
        }
    }

    private void unicode(int value) {
        emit(String.valueOf((char) (value < 0 ? value + 0x10000 : value)));
        skipFallback = state.uc;
    }

    private void font(int number) {
        if (state.fontTable) {
            fontBeingDefined = number;
        } else {
            state.font = number;
        }
    }

    private void fontCharset(Charset cs) {
        if (state.fontTable && fontBeingDefined >= 0 && cs != null) {
            fontCharsets.put(fontBeingDefined, cs);
        }
    }

    private void skipBinary(int n) throws IOException {
        long left = Math.max(0, n);
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    return;
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static Charset orElse(Charset cs, Charset fallback) {
        return cs == null ? fallback : cs;
    }

    private static boolean isLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int hex(int c) {
        return Character.digit(c, 16) < 0 ? -0x100 : Character.digit(c, 16);
    }
}
