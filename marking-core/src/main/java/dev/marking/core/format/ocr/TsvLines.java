package dev.marking.core.format.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Tesseract's TSV output (one row per word) into lines of text: words joined the way their
 * script is written, each line with its box and its mean confidence, the star of a secrecy mark
 * restored where OCR misread it ({@link MarkGlyphs}).
 */
final class TsvLines {

    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;
    /** What a speck at the end of a line is read as. */
    private static final String STRAY = " ，。、,.·'\"“”‘’`:;：；_—-~|!！>＞<＜^°";

    private TsvLines() {
    }

    /** The lines of each of the {@code images} images of a run, in reading order, by image (0-based, list order). */
    static List<List<RawLine>> parse(String tsv, int images) {
        Map<String, Builder> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\\R")) {
            String[] c = row.split("\t", -1);
            if (c.length < COLUMNS || !c[0].equals(String.valueOf(WORD_LEVEL))) {
                continue;
            }
            String text = c[11].strip();
            int image = Integer.parseInt(c[1]) - 1;
            if (text.isEmpty() || image < 0 || image >= images) {
                continue;
            }
            String key = c[1] + '/' + c[2] + '/' + c[3] + '/' + c[4];
            lines.computeIfAbsent(key, k -> new Builder(image)).add(text, Integer.parseInt(c[6]), Integer.parseInt(c[7]),
                    Integer.parseInt(c[8]), Integer.parseInt(c[9]), Double.parseDouble(c[10]));
        }
        List<List<RawLine>> out = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            out.add(new ArrayList<>());
        }
        for (Builder b : lines.values()) {
            out.get(b.image).add(b.build());
        }
        return out;
    }

    /** Joins two OCR words: a space only between two words of a spaced script (Latin letters, digits). */
    static String join(String left, String right) {
        if (left.isEmpty()) {
            return right;
        }
        boolean spaced = spaced(left.codePointBefore(left.length())) && spaced(right.codePointAt(0));
        return spaced ? left + ' ' + right : left + right;
    }

    /**
     * {@code line} without the stray marks OCR makes of specks at its ends ({@code ，秘密★1年}, {@code “123456},
     * {@code 机密★5年、}): punctuation that opens or closes no text. Closing punctuation of prose goes with
     * them, which no rule needs.
     */
    static String trimmed(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && STRAY.indexOf(line.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && STRAY.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(start, end).strip();
    }

    private static boolean spaced(int cp) {
        return cp < 0x2E80 && !(cp >= 0x2000 && cp <= 0x2BFF); // below CJK, and not ★ ☆ ※ or general punctuation
    }

    /**
     * One line as the engine saw it, in pixels of its image.
     *
     * @param text       the line's text
     * @param left       left edge in pixels
     * @param top        top edge in pixels
     * @param right      right edge in pixels
     * @param bottom     bottom edge in pixels
     * @param confidence mean character confidence, 0–100
     */
    record RawLine(String text, int left, int top, int right, int bottom, int confidence) {

        /** True when the line runs across the image (at least as wide as tall), as horizontal writing does upright. */
        boolean across() {
            return right - left >= bottom - top;
        }
    }

    private static final class Builder {
        private final int image;
        private String text = "";
        private int left = Integer.MAX_VALUE;
        private int top = Integer.MAX_VALUE;
        private int right = Integer.MIN_VALUE;
        private int bottom = Integer.MIN_VALUE;
        private double weighted;
        private int chars;

        Builder(int image) {
            this.image = image;
        }

        void add(String word, int wordLeft, int wordTop, int width, int height, double confidence) {
            text = join(text, word);
            left = Math.min(left, wordLeft);
            top = Math.min(top, wordTop);
            right = Math.max(right, wordLeft + width);
            bottom = Math.max(bottom, wordTop + height);
            int n = word.codePointCount(0, word.length());
            weighted += Math.max(0, confidence) * n;
            chars += n;
        }

        RawLine build() {
            int confidence = (int) Math.round(Math.min(100, weighted / Math.max(1, chars)));
            return new RawLine(MarkGlyphs.restore(trimmed(text)), left, top, right, bottom, confidence);
        }
    }
}
