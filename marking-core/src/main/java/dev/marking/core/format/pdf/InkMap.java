package dev.marking.core.format.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** How many rectangles {@link #free} checks cell by cell before it builds the summed-area table. */
    private static final int DIRECT_CHECKS = 2;

    private final int cols;
    private final int rows;
    /** The summed-area table of {@link #page} and how {@link #free} uses it; shared with the maps {@link #with} makes. */
    private final Sums sums;
    /** The ink the page was drawn with (or shrunk to), without {@link #placed}. */
    private final boolean[] page;
    /** Rectangles of cells (c0, r0, c1, r1; ends exclusive, within the page) where pieces of our stamp were placed. */
    private final List<int[]> placed;
    /** {@link #page} with {@link #placed} inked, made when first needed. */
    private boolean[] ink;

    private InkMap(int cols, int rows, boolean[] page) {
        this.cols = cols;
        this.rows = rows;
        this.page = page;
        this.placed = List.of();
        this.ink = page;
        this.sums = new Sums();
    }

    /**
     * The summed-area table of a page's own ink cells, (cols + 1) × (rows + 1), row 0 the bottom, built on first need:
     * most pages take their standard places at the first check, which goes cell by cell; a search needs the table.
     */
    private static final class Sums {
        int[] table;
        /** How many rectangles {@link #free} has checked on the page, the maps made by {@link #with} included. */
        int checks;
    }

    /** The summed-area table of {@link #page}. */
    private int[] sums() {
        if (sums.table == null) {
            int[] t = new int[(cols + 1) * (rows + 1)];
            for (int r = 0; r < rows; r++) {
                int line = 0;
                int below = r * (cols + 1) + 1;
                int here = below + cols + 1;
                int cell = r * cols;
                for (int c = 0; c < cols; c++) {
                    if (page[cell + c]) {
                        line++;
                    }
                    t[here + c] = t[below + c] + line;
                }
            }
            sums.table = t;
        }
        return sums.table;
    }

    /** {@code base} with one more placed rectangle: the table of the page's ink is shared, not built again. */
    private InkMap(InkMap base, int[] box) {
        this.cols = base.cols;
        this.rows = base.rows;
        this.page = base.page;
        this.sums = base.sums;
        List<int[]> all = new ArrayList<>(base.placed);
        all.add(box);
        this.placed = List.copyOf(all);
    }

    /** Every inked cell, the placed pieces included. */
    private boolean[] ink() {
        if (ink == null) {
            boolean[] all = page.clone();
            for (int[] b : placed) {
                for (int r = b[1]; r < b[3]; r++) {
                    for (int c = b[0]; c < b[2]; c++) {
                        all[r * cols + c] = true;
                    }
                }
            }
            ink = all;
        }
        return ink;
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
        return o instanceof InkMap m && m.cols == cols && m.rows == rows && Arrays.equals(m.ink(), ink());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * cols + rows) + Arrays.hashCode(ink());
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
        Arrays.fill(all, true);
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
        if (sums.table == null && ++sums.checks <= DIRECT_CHECKS) {
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    if (page[r * cols + c]) {
                        return false;
                    }
                }
            }
        } else {
            int[] t = sums();
            if (t[r1 * (cols + 1) + c1] - t[r0 * (cols + 1) + c1] - t[r1 * (cols + 1) + c0] + t[r0 * (cols + 1) + c0] != 0) {
                return false;
            }
        }
        for (int[] b : placed) {
            if (b[0] < c1 && c0 < b[2] && b[1] < r1 && r0 < b[3]) {
                return false;
            }
        }
        return true;
    }

    /** The lowest and highest y (points) with ink, or null when the page is blank. */
    float[] verticalExtent() {
        boolean[] ink = ink();
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
        boolean[] ink = ink();
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
        int c0 = Math.max(0, (int) Math.floor(box[0] / CELL));
        int r0 = Math.max(0, (int) Math.floor(box[1] / CELL));
        int c1 = Math.min(cols, (int) Math.ceil(box[2] / CELL));
        int r1 = Math.min(rows, (int) Math.ceil(box[3] / CELL));
        return c0 >= c1 || r0 >= r1 ? this : new InkMap(this, new int[] {c0, r0, c1, r1});
    }

    /**
     * Where the ink is after the page's content is drawn through {@code shrink}: each inked cell covers the cells its
     * shrunk square touches. The shrink acts on x and y apart, so each column's and each row's range is worked out once.
     */
    InkMap shrunk(Shrink shrink) {
        boolean[] ink = ink();
        int[] colFrom = new int[cols];
        int[] colTo = new int[cols];
        for (int c = 0; c < cols; c++) {
            colFrom[c] = Math.min(cols, Math.max(0, (int) Math.floor(shrink.x(c * CELL) / CELL)));
            colTo[c] = Math.max(colFrom[c], (int) Math.min(cols, Math.ceil(shrink.x((c + 1) * CELL) / CELL)));
        }
        boolean[] out = new boolean[ink.length];
        for (int r = 0; r < rows; r++) {
            int rowFrom = Math.max(0, (int) Math.floor(shrink.y(r * CELL) / CELL));
            int rowTo = (int) Math.min(rows, Math.ceil(shrink.y((r + 1) * CELL) / CELL));
            for (int c = 0; c < cols; c++) {
                if (ink[r * cols + c]) {
                    for (int rr = rowFrom; rr < rowTo; rr++) {
                        Arrays.fill(out, rr * cols + colFrom[c], rr * cols + colTo[c], true);
                    }
                }
            }
        }
        return new InkMap(cols, rows, out);
    }
}
