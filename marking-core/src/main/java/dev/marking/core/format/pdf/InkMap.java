package dev.marking.core.format.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.RenderDestination;

/**
 * Where a page has ink, as the reader sees the page: everything the renderer paints (text, lines,
 * fills, images, shadings, annotation appearances) darker or more coloured than near-white, on a grid
 * of {@link #CELL} points in reader coordinates ({@link PageFrame}: origin bottom-left, y up). Vector
 * analysis cannot see what a clip, a pattern or an annotation finally leaves on the page; the
 * rendering can. Our own stamp is taken off the page before it is rendered.
 */
final class InkMap {

    /** Grid cell size in points: rendering at half the 72 dpi the acceptance test measures at. */
    static final float CELL = 2f;
    /** Grey level (0..255) below which a pixel is ink; paper white and near-white backgrounds are not. */
    static final int INK = 235;

    private final int cols;
    private final int rows;
    /** Summed-area table of ink cells, (cols + 1) × (rows + 1); row 0 is the bottom of the page. */
    private final int[] sums;
    private final boolean[] ink;

    private InkMap(int cols, int rows, boolean[] ink) {
        this.cols = cols;
        this.rows = rows;
        this.ink = ink;
        this.sums = new int[(cols + 1) * (rows + 1)];
        for (int r = 0; r < rows; r++) {
            int line = 0;
            for (int c = 0; c < cols; c++) {
                line += ink[r * cols + c] ? 1 : 0;
                sums[(r + 1) * (cols + 1) + c + 1] = sums[r * (cols + 1) + c + 1] + line;
            }
        }
    }

    /** Renders page {@code index} of {@code renderer}'s document and maps its ink. */
    static InkMap of(PDFRenderer renderer, int index, PageFrame frame) throws IOException {
        BufferedImage image = renderer.renderImage(index, 1f / CELL, ImageType.GRAY, RenderDestination.VIEW);
        int cols = Math.max(1, (int) Math.ceil(frame.width() / CELL));
        int rows = Math.max(1, (int) Math.ceil(frame.height() / CELL));
        boolean[] ink = new boolean[cols * rows];
        Raster raster = image.getRaster();
        int w = Math.min(cols, image.getWidth());
        int h = Math.min(rows, image.getHeight());
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            int r = rows - 1 - y;
            for (int x = 0; x < w; x++) {
                if (row[x] < INK) {
                    ink[r * cols + x] = true;
                }
            }
        }
        return new InkMap(cols, rows, ink);
    }

    /** Equal when both grids have the same size and the same inked cells. */
    @Override
    public boolean equals(Object o) {
        return o instanceof InkMap m && m.cols == cols && m.rows == rows && java.util.Arrays.equals(m.ink, ink);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * cols + rows) + java.util.Arrays.hashCode(ink);
    }

    /** A page of {@code frame}'s size without ink. */
    static InkMap blank(PageFrame frame) {
        int cols = Math.max(1, (int) Math.ceil(frame.width() / CELL));
        int rows = Math.max(1, (int) Math.ceil(frame.height() / CELL));
        return new InkMap(cols, rows, new boolean[cols * rows]);
    }

    /** A page of {@code frame}'s size inked all over (one the renderer could not draw). */
    static InkMap full(PageFrame frame) {
        int cols = Math.max(1, (int) Math.ceil(frame.width() / CELL));
        int rows = Math.max(1, (int) Math.ceil(frame.height() / CELL));
        boolean[] all = new boolean[cols * rows];
        java.util.Arrays.fill(all, true);
        return new InkMap(cols, rows, all);
    }

    /** True when no cell touched by the rectangle (reader coordinates, points) has ink; outside the page is not free. */
    boolean free(float x0, float y0, float x1, float y1) {
        int c0 = (int) Math.floor(x0 / CELL);
        int r0 = (int) Math.floor(y0 / CELL);
        int c1 = (int) Math.ceil(x1 / CELL);
        int r1 = (int) Math.ceil(y1 / CELL);
        if (c0 < 0 || r0 < 0 || c1 > cols || r1 > rows || c0 >= c1 || r0 >= r1) {
            return false;
        }
        int s = sums[r1 * (cols + 1) + c1] - sums[r0 * (cols + 1) + c1] - sums[r1 * (cols + 1) + c0]
                + sums[r0 * (cols + 1) + c0];
        return s == 0;
    }

    /** The lowest and highest y (points) with ink, or null when the page is blank. */
    float[] verticalExtent() {
        int lo = -1;
        int hi = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (ink[r * cols + c]) {
                    lo = lo < 0 ? r : lo;
                    hi = r;
                    break;
                }
            }
        }
        return lo < 0 ? null : new float[] {lo * CELL, (hi + 1) * CELL};
    }

    /** The top (points) of the highest ink between {@code x0} and {@code x1}, or 0 when there is none. */
    float top(float x0, float x1) {
        int c0 = Math.max(0, (int) Math.floor(x0 / CELL));
        int c1 = Math.min(cols, (int) Math.ceil(x1 / CELL));
        for (int r = rows - 1; r >= 0; r--) {
            for (int c = c0; c < c1; c++) {
                if (ink[r * cols + c]) {
                    return (r + 1) * CELL;
                }
            }
        }
        return 0;
    }

    /** This map with rectangle {@code box} (x0, y0, x1, y1 in points) marked as ink: a piece of our stamp placed there. */
    InkMap with(float[] box) {
        boolean[] copy = ink.clone();
        int c0 = Math.max(0, (int) Math.floor(box[0] / CELL));
        int r0 = Math.max(0, (int) Math.floor(box[1] / CELL));
        int c1 = Math.min(cols, (int) Math.ceil(box[2] / CELL));
        int r1 = Math.min(rows, (int) Math.ceil(box[3] / CELL));
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                copy[r * cols + c] = true;
            }
        }
        return new InkMap(cols, rows, copy);
    }

    /** Where the ink is after the page's content is drawn through {@code shrink}. */
    InkMap shrunk(Shrink shrink) {
        boolean[] out = new boolean[ink.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!ink[r * cols + c]) {
                    continue;
                }
                float x0 = shrink.x(c * CELL);
                float y0 = shrink.y(r * CELL);
                float x1 = shrink.x((c + 1) * CELL);
                float y1 = shrink.y((r + 1) * CELL);
                for (int rr = Math.max(0, (int) Math.floor(y0 / CELL)); rr < Math.min(rows, Math.ceil(y1 / CELL)); rr++) {
                    for (int cc = Math.max(0, (int) Math.floor(x0 / CELL)); cc < Math.min(cols, Math.ceil(x1 / CELL)); cc++) {
                        out[rr * cols + cc] = true;
                    }
                }
            }
        }
        return new InkMap(cols, rows, out);
    }
}
