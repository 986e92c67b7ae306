package dev.marking.core.format.ofd;

import dev.marking.core.format.StampOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where our stamp goes on one page, in page millimetres (y downwards): the running mark centred at the
 * top, the footer ({@code 第000123份}) centred at the bottom, a light diagonal watermark through the
 * centre and, on the first page, the GB/T 9704 block (份号, 密级★期限 in 黑体, 紧急程度) at the top left of
 * the type area, 16 pt (3号) on A4. The header, footer and block look for a place where they cover none
 * of the page's text or small drawings (their {@code Boundary} boxes); they shrink a little before they
 * give up and sit in their standard place anyway.
 */
final class StampLayout {

    /** 3号 (16 pt) in millimetres: the block's size on A4. */
    static final double BLOCK_SIZE = 16 * 25.4 / 72;
    /** GB/T 9704 type area on A4: 28 mm from the left, 37 mm from the top. */
    static final double TYPE_LEFT = 28;
    static final double TYPE_TOP = 37;
    static final int[] RED = {191, 0, 0};
    static final int[] BLACK = {0, 0, 0};
    static final int[] GREY = {128, 128, 128};
    /** Watermark opacity, 0..255 (a quarter, as in PDF). */
    static final int WATERMARK_ALPHA = 64;
    /** Baseline below the top of a line box, in ems. */
    static final double ASCENT = 0.88;
    private static final double LINE_BOX = 1.2;
    private static final double LEADING = 1.4;
    private static final double[] SHRINK = {1, 0.9, 0.8, 0.7, 0.6};

    /**
     * One line of our stamp.
     *
     * @param role     what it is
     * @param text     its characters
     * @param boundary x, y, w, h on the page (the object's box)
     * @param size     glyph size
     * @param deltaX   advances between glyphs
     * @param ctm      the object's transform (null: none)
     * @param rgb      fill colour
     * @param alpha    0..255
     * @param bold     drawn heavier (the block's mark)
     */
    record Piece(StampRole role, String text, double[] boundary, double size, double[] deltaX, double[] ctm, int[] rgb,
            int alpha, boolean bold) {

        /** The baseline's offset from the top of the boundary (for upright pieces). */
        double baseline() {
            return size * ASCENT;
        }
    }

    private final StampFont font;
    private final StampOptions options;
    private final double[] page;
    private final List<double[]> obstacles;

    /**
     * @param page      the page's physical box (x, y, w, h)
     * @param obstacles boxes of the page's own text and drawings our lines should stay off
     */
    StampLayout(StampFont font, StampOptions options, double[] page, List<double[]> obstacles) {
        this.font = font;
        this.options = options;
        this.page = page.clone();
        this.obstacles = List.copyOf(obstacles);
    }

    List<Piece> pieces(boolean firstPage, Optional<double[]> textArea) throws IOException {
        double w = page[2];
        double h = page[3];
        double shortSide = Math.min(w, h);
        double margin = clamp(shortSide * 0.03, 2, 10);
        double headerSize = clamp(shortSide / 60, 1.8, 4.2);
        List<Piece> out = new ArrayList<>();
        List<double[]> taken = new ArrayList<>(obstacles);
        double headerBottom = margin;
        if (options.header()) {
            Piece header = line(StampRole.HEADER, options.marking().mark(), headerSize, taken, margin, margin / 2, 1);
            headerBottom = header.boundary()[1] - page[1] + header.boundary()[3];
            out.add(header);
        }
        Optional<String> footer = options.footer() ? options.footerText() : Optional.empty();
        if (footer.isPresent()) {
            double lh = headerSize * LINE_BOX;
            out.add(line(StampRole.FOOTER, footer.get(), headerSize, taken, h - margin - lh, h - margin / 2 - lh, h - 1 - lh));
        }
        if (firstPage) {
            out.addAll(block(taken, margin, headerBottom, textArea));
        }
        if (options.watermark()) {
            out.add(watermark());
        }
        return out;
    }

    /** One centred red line at the first free top and size; at the first top and full size if none is free. */
    private Piece line(StampRole role, String text, double size, List<double[]> taken, double... tops)
            throws IOException {
        for (double k : SHRINK) {
            for (double top : tops) {
                double[] box = box(text, size * k, top, null);
                if (free(box, taken)) {
                    taken.add(box);
                    return piece(role, text, box, size * k, RED, false);
                }
            }
        }
        double[] box = box(text, size, tops[0], null);
        taken.add(box);
        return piece(role, text, box, size, RED, false);
    }

    /** The block's lines, placed together: the type area's top, just under the header, or beside it. */
    private List<Piece> block(List<double[]> taken, double margin, double headerBottom, Optional<double[]> textArea)
            throws IOException {
        List<String> lines = options.firstPageBlock();
        double scale = Math.min(page[2], page[3]) / 210;
        double size = Math.max(2.5, BLOCK_SIZE * Math.min(scale, 1.5));
        double left = textArea.map(b -> b[0] - page[0]).filter(x -> x >= margin).orElse(TYPE_LEFT * scale);
        double[] tops = {TYPE_TOP * scale, headerBottom + size * 0.3, margin};
        Optional<Double> above = textArea.map(b -> b[1]);
        // above the first line of text if it fits there, else wherever near the top it covers nothing
        for (boolean mustBeAbove : new boolean[] {true, false}) {
            for (double k : SHRINK) {
                for (double top : tops) {
                    List<double[]> boxes = blockBoxes(lines, size * k, top, left);
                    double bottom = boxes.get(boxes.size() - 1)[1] + boxes.get(boxes.size() - 1)[3];
                    if (boxes.stream().allMatch(b -> free(b, taken))
                            && (!mustBeAbove || above.map(a -> bottom <= a).orElse(true))) {
                        return blockPieces(lines, boxes, size * k, taken);
                    }
                }
            }
        }
        return blockPieces(lines, blockBoxes(lines, size, tops[0], left), size, taken);
    }

    private List<double[]> blockBoxes(List<String> lines, double size, double top, double left) throws IOException {
        List<double[]> out = new ArrayList<>();
        double right = page[2] - left;
        for (int i = 0; i < lines.size(); i++) {
            double width = font.width(lines.get(i)) * size;
            double x = Math.max(0, Math.min(left, right - width));
            out.add(new double[] {page[0] + x, page[1] + top + i * size * LEADING, width, size * LINE_BOX});
        }
        return out;
    }

    private List<Piece> blockPieces(List<String> lines, List<double[]> boxes, double size, List<double[]> taken)
            throws IOException {
        List<Piece> out = new ArrayList<>();
        String mark = options.marking().mark();
        for (int i = 0; i < lines.size(); i++) {
            taken.add(boxes.get(i));
            out.add(piece(StampRole.BLOCK, lines.get(i), boxes.get(i), size, BLACK, lines.get(i).equals(mark)));
        }
        return out;
    }

    /** The watermark: centred, turned along the page's rising diagonal, as large as fits. */
    private Piece watermark() throws IOException {
        String text = options.marking().watermarkText();
        double w = page[2];
        double h = page[3];
        double angle = Math.atan2(h, w);
        double em = Math.max(font.width(text), 0.01);
        double size = Math.min(0.7 * Math.hypot(w, h) / em, Math.min(w, h) / 5);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // y points down in OFD: a counter-clockwise turn maps (1, 0) to (cos, -sin) and (0, 1) to (sin, cos)
        double ox = -em * size / 2;
        double oy = size * 0.35;
        double e = w / 2 + cos * ox + sin * oy;
        double f = h / 2 - sin * ox + cos * oy;
        return new Piece(StampRole.WATERMARK, text, page.clone(), size, advances(text, size),
                new double[] {cos, -sin, sin, cos, e, f}, GREY, WATERMARK_ALPHA, false);
    }

    private double[] box(String text, double size, double top, Double left) throws IOException {
        double width = font.width(text) * size;
        double x = left != null ? left : (page[2] - width) / 2;
        return new double[] {page[0] + x, page[1] + top, width, size * LINE_BOX};
    }

    private Piece piece(StampRole role, String text, double[] box, double size, int[] rgb, boolean bold)
            throws IOException {
        return new Piece(role, text, box, size, advances(text, size), null, rgb, 255, bold);
    }

    private double[] advances(String text, double size) throws IOException {
        int[] cps = text.codePoints().toArray();
        double[] out = new double[Math.max(0, cps.length - 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = font.advance(cps[i]) * size;
        }
        return out;
    }

    /** True when {@code box} lies on the page and overlaps none of {@code taken}. */
    private boolean free(double[] box, List<double[]> taken) {
        if (box[0] < page[0] || box[1] < page[1] || box[0] + box[2] > page[0] + page[2]
                || box[1] + box[3] > page[1] + page[3]) {
            return false;
        }
        for (double[] t : taken) {
            if (box[0] < t[0] + t[2] && t[0] < box[0] + box[2] && box[1] < t[1] + t[3] && t[1] < box[1] + box[3]) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
