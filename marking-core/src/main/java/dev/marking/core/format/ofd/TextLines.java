package dev.marking.core.format.ofd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text runs put into reading order: lines from the top of the page down, each line's runs left to right.
 * Producers write one glyph, one line or one paragraph per text object and in any order; the positions
 * are what a reader sees. Runs on one baseline (within half a glyph) form a line; a space is put between
 * two runs only where a Latin word boundary shows as a gap, never between Chinese characters.
 */
final class TextLines {

    /** One line: its text and baseline. */
    record Line(String text, double y) {
    }

    private TextLines() {
    }

    static List<Line> of(List<PageObjects.Run> runs) {
        List<PageObjects.Run> sorted = new ArrayList<>();
        for (PageObjects.Run r : runs) {
            if (!r.text().isBlank()) {
                sorted.add(r);
            }
        }
        sorted.sort(Comparator.comparingDouble(PageObjects.Run::y).thenComparingDouble(PageObjects.Run::x));
        List<Line> out = new ArrayList<>();
        List<PageObjects.Run> line = new ArrayList<>();
        for (PageObjects.Run r : sorted) {
            if (!line.isEmpty() && !sameLine(line.get(0), r)) {
                add(line, out);
                line.clear();
            }
            line.add(r);
        }
        add(line, out);
        return out;
    }

    private static boolean sameLine(PageObjects.Run first, PageObjects.Run r) {
        double tolerance = 0.45 * Math.min(first.size(), r.size());
        return first.horizontal() && r.horizontal() && Math.abs(r.y() - first.y()) <= tolerance;
    }

    private static void add(List<PageObjects.Run> line, List<Line> out) {
        if (line.isEmpty()) {
            return;
        }
        line.sort(Comparator.comparingDouble(PageObjects.Run::x));
        StringBuilder sb = new StringBuilder();
        PageObjects.Run previous = null;
        for (PageObjects.Run r : line) {
            if (previous != null && r.x() - previous.endX() > 0.5 * r.size() && wordBoundary(sb, r.text())) {
                sb.append(' ');
            }
            sb.append(r.text());
            previous = r;
        }
        String text = sb.toString().strip();
        if (!text.isEmpty()) {
            out.add(new Line(text, line.get(0).y()));
        }
    }

    private static boolean wordBoundary(StringBuilder before, String after) {
        if (before.length() == 0 || after.isEmpty()) {
            return false;
        }
        char a = before.charAt(before.length() - 1);
        char b = after.charAt(0);
        return a < 0x2E80 && !Character.isWhitespace(a) && b < 0x2E80 && !Character.isWhitespace(b);
    }
}
