package dev.marking.core.format;

import java.util.ArrayList;
import java.util.List;

/**
 * How every piece of our stamp looks, in every format (DESIGN §1.3): defined here once, read by each
 * adapter. Sizes are for A4 (GB/T 9704: 3号 = 16 pt for 份号, 密级和保密期限 and 紧急程度); other paper
 * sizes scale them with the page, never below {@link #MIN_PT}.
 */
public final class StampStyle {

    /** 3号: the first-page block (份号, mark, urgency). */
    public static final float BLOCK_PT = 16f;
    /** 小四: the running mark and the copy-number footer. */
    public static final float RUNNING_PT = 12f;
    /** The diagonal watermark; it keeps this size and wraps or abbreviates a long recipient instead. */
    public static final float WATERMARK_PT = 54f;
    /** Nothing we print is smaller than this on any paper (a legible minimum). */
    public static final float MIN_PT = 7f;
    /** Line distance of the block, as a multiple of its size (GB/T 9704 lines are about 1.5 apart). */
    public static final float BLOCK_LEADING = 1.5f;
    /** The watermark's longest line, in em of its size; longer texts wrap (about 0.7 of the A4 diagonal). */
    public static final float WATERMARK_MAX_EM = 13.5f;

    /** The nearest a mark may come to the paper's edge (10 mm): closer, printers cut it off. */
    public static final float EDGE_PT = 28.35f;

    /** 黑体 by its Chinese and Latin names: 密级和保密期限, 紧急程度, running mark, footer, watermark. */
    public static final String HEITI = "黑体";
    public static final String HEITI_LATIN = "SimHei";
    /** 份号 in Arabic digits of a serif face, as Word and WPS set them. */
    public static final String DIGITS_FONT = "Times New Roman";

    /** The block's text: black. */
    public static final int BLOCK_RGB = 0x000000;
    /** Running mark and footer: the red of printed classification marks. */
    public static final int RUNNING_RGB = 0xC00000;
    /** Watermark: grey, drawn at {@link #WATERMARK_OPACITY}. */
    public static final int WATERMARK_RGB = 0x808080;
    /** Watermark opacity where the format allows transparency. */
    public static final float WATERMARK_OPACITY = 0.3f;
    /** Watermark colour where transparency is not allowed (PDF/A-1): light, solid, drawn under the content. */
    public static final int WATERMARK_SOLID_RGB = 0xD9D9D9;

    private static final float A4_SHORT = 595.28f;
    private static final float A4_LONG = 841.89f;
    /** Paper within this many points of A4 is A4. */
    private static final float A4_TOLERANCE = 6f;
    /** Latin letters and digits are about this wide in em; CJK characters are one em. */
    private static final float LATIN_EM = 0.55f;
    private static final String ELLIPSIS = "…";

    private StampStyle() {
    }

    /** How much to scale our sizes on paper of {@code width} × {@code height} points: 1 on A4. */
    public static float scale(float width, float height) {
        float s = Math.min(width, height);
        float l = Math.max(width, height);
        if (Math.abs(s - A4_SHORT) <= A4_TOLERANCE && Math.abs(l - A4_LONG) <= A4_TOLERANCE) {
            return 1f;
        }
        return Math.min(s / A4_SHORT, l / A4_LONG);
    }

    /** {@code pt} on paper scaled by {@code scale}, never below {@link #MIN_PT}. */
    public static float size(float pt, float scale) {
        return Math.max(MIN_PT, pt * scale);
    }

    /** Red, green and blue of {@code rgb} in 0..1. */
    public static float[] components(int rgb) {
        return new float[] {((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f};
    }

    /** {@code rgb} as six hex digits ({@code C00000}), as WordprocessingML writes colours. */
    public static String hex(int rgb) {
        return String.format("%06X", rgb & 0xffffff);
    }

    /** Estimated width of {@code text} in em: CJK and other wide characters 1, the rest {@link #LATIN_EM}. */
    public static float em(String text) {
        float w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) < 0x2E80 ? LATIN_EM : 1f;
        }
        return w;
    }

    /**
     * The watermark's lines: the mark with the copy number, then the recipient when the whole is longer
     * than {@link #WATERMARK_MAX_EM}; a recipient longer than a line is cut with an ellipsis. The size
     * never changes.
     */
    public static List<String> watermarkLines(String markAndCopy, String recipient) {
        List<String> lines = new ArrayList<>();
        if (recipient == null || recipient.isBlank()) {
            lines.add(markAndCopy);
            return lines;
        }
        String whole = markAndCopy + " " + recipient;
        if (em(whole) <= WATERMARK_MAX_EM) {
            lines.add(whole);
            return lines;
        }
        lines.add(markAndCopy);
        lines.add(abbreviate(recipient, WATERMARK_MAX_EM));
        return lines;
    }

    /** {@code text} cut to at most {@code maxEm} em, with an ellipsis when cut. */
    public static String abbreviate(String text, float maxEm) {
        if (em(text) <= maxEm) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        float w = em(ELLIPSIS);
        for (int i = 0; i < text.length(); i++) {
            float c = em(String.valueOf(text.charAt(i)));
            if (w + c > maxEm) {
                break;
            }
            sb.append(text.charAt(i));
            w += c;
        }
        return sb.toString().strip() + ELLIPSIS;
    }
}
