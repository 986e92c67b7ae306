package dev.marking.core.rules.pii;

import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import dev.marking.core.text.Widths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where personal information is looked for: body blocks and running header/footer paragraphs. */
final class PiiText {

    /** How far back a URL is looked for in front of a number. */
    private static final int URL_REACH = 200;

    private PiiText() {
    }

    /** Body blocks, then the header and footer paragraphs of every slot; each block once. */
    static List<TextBlock> blocks(ReadModel model) {
        Set<TextBlock> all = new LinkedHashSet<>(model.body());
        for (RunningSlot slot : model.slots()) {
            all.addAll(slot.header());
            all.addAll(slot.footer());
        }
        return new ArrayList<>(all);
    }

    /** A match of a PII pattern and the block it is in. */
    record Hit(TextBlock block, MatchResult match) {

        Location location() {
            return at(block, match.start());
        }
    }

    /**
     * Every match of {@code pattern} in the width-folded PII text of {@code model}, block by block; a block without
     * {@code required} (a character every match has) once folded is not searched.
     */
    static List<Hit> matches(ReadModel model, Pattern pattern, char required) {
        List<Hit> hits = new ArrayList<>();
        for (TextBlock block : blocks(model)) {
            Interruption.check();
            String folded = Widths.fold(block.text());
            if (folded.indexOf(required) < 0) {
                continue;
            }
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                hits.add(new Hit(block, m.toMatchResult()));
            }
        }
        return hits;
    }

    /**
     * Every match of {@code pattern} that stands as a token of its own: not inside a longer run of letters
     * and digits, a hyphenated or dotted identifier (a UUID, a hex string, a version) or a URL path, where
     * digits that look like a phone or card number are an id ({@code 2c58e158-9035-4161-…}, {@code weibo.com/1/4567…}).
     * A block with fewer than {@code minDigits} ASCII digits once folded, which no match of {@code pattern} can
     * have fewer than, is not searched (most prose has none to a few).
     */
    static List<Hit> numberMatches(ReadModel model, Pattern pattern, int minDigits) {
        List<Hit> out = new ArrayList<>();
        for (TextBlock block : blocks(model)) {
            Interruption.check();
            String folded = Widths.fold(block.text());
            if (digitCount(folded, minDigits) < minDigits) {
                continue;
            }
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                if (standalone(folded, m.start(), m.end())) {
                    out.add(new Hit(block, m.toMatchResult()));
                }
            }
        }
        return out;
    }

    /** The ASCII digits in {@code s}, counted up to {@code enough}. */
    static int digitCount(String s, int enough) {
        int n = 0;
        for (int i = 0; i < s.length() && n < enough; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    /** True when {@code [start, end)} of {@code s} is not part of a longer identifier or a URL. */
    static boolean standalone(String s, int start, int end) {
        if (start > 0 && joined(s.charAt(start - 1), start >= 2 ? s.charAt(start - 2) : ' ')
                || end < s.length() && joined(s.charAt(end), end + 1 < s.length() ? s.charAt(end + 1) : ' ')) {
            return false;
        }
        int from = start;
        while (from > 0 && start - from < URL_REACH && !Character.isWhitespace(s.charAt(from - 1))
                && s.charAt(from - 1) < '\u2E80') {
            from--;
        }
        String before = s.substring(from, start);
        int slash = before.lastIndexOf('/');
        return !(before.contains("://") || before.startsWith("www.") || slash > 0 && before.lastIndexOf('.', slash) >= 0);
    }

    /**
     * A letter next to the number, a joiner ({@code - _ .}) with a letter or digit beyond it, or a slash with a
     * letter beyond it (a path: {@code /data/13812345678/log}); a slash between numbers lists them.
     */
    private static boolean joined(char next, char beyond) {
        boolean digit = beyond >= '0' && beyond <= '9';
        return isAsciiLetter(next) || "-_.".indexOf(next) >= 0 && (isAsciiLetter(beyond) || digit)
                || next == '/' && isAsciiLetter(beyond);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** The location of a hit that starts at {@code offset} (0-based) in {@code block}. */
    static Location at(TextBlock block, int offset) {
        Location l = block.location();
        return l.withColumn(l.column() > 0 ? l.column() + offset : offset + 1);
    }

    /** The digits (and an ID's {@code X}, upper-cased) of width-folded {@code s}, without spaces or hyphens. */
    static String digits(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == 'X' || c == 'x') {
                sb.append(c == 'x' ? 'X' : c);
            }
        }
        return sb.toString();
    }
}
