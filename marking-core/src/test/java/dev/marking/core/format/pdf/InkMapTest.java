package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The ink grid's answers against a plain grid of cells: {@link InkMap#free} (first cell by cell, then from its
 * summed-area table) and {@link InkMap#shrunk} (column and row ranges worked out once) on random pages.
 */
class InkMapTest {

    private static final PageFrame A4 = new PageFrame(595, 842, 0, new Matrix());
    private static final float CELL = InkMap.CELL;

    @Test
    void freeAgreesWithTheCellsOnRandomPages() {
        Random random = new Random(17);
        for (int page = 0; page < 20; page++) {
            // ink drawn on the page, and (odd pages) the same ink as pieces of our stamp placed on a blank page
            Page p = randomPage(random, page % 2 == 1);
            for (int i = 0; i < 300; i++) {
                float x0 = random.nextFloat() * 620 - 10;
                float y0 = random.nextFloat() * 870 - 10;
                float x1 = x0 + random.nextFloat() * 120;
                float y1 = y0 + random.nextFloat() * 40;
                assertEquals(p.free(x0, y0, x1, y1), p.map.free(x0, y0, x1, y1),
                        "page " + page + ", check " + i + ": " + x0 + " " + y0 + " " + x1 + " " + y1);
            }
        }
    }

    @Test
    void shrunkCoversTheCellsEachInkedCellsShrunkSquareTouches() {
        Random random = new Random(9704);
        Shrink[] shrinks = {new Shrink(0.9f, 29.75f, -31.4f), new Shrink(0.5f, 148.75f, 40f), new Shrink(1, 0, -63.3f),
            new Shrink(0.77f, 68.4f, 100.1f), new Shrink(0.6f, -5f, 500f)};
        for (int page = 0; page < 4; page++) {
            Page p = randomPage(random, false);
            for (Shrink s : shrinks) {
                boolean[][] expected = p.shrunk(s);
                InkMap shrunk = p.map.shrunk(s);
                for (int r = 0; r < expected.length; r++) {
                    for (int c = 0; c < expected[r].length; c++) {
                        assertEquals(!expected[r][c], shrunk.free(c * CELL, r * CELL, (c + 1) * CELL, (r + 1) * CELL),
                                "page " + page + ", " + s + ", cell " + c + "," + r);
                    }
                }
            }
        }
    }

    /** A random page of A4 size: a map with boxes of ink (drawn, or placed pieces), and the same boxes on a plain grid. */
    private static Page randomPage(Random random, boolean placed) {
        int cols = (int) Math.ceil(A4.width() / CELL);
        int rows = (int) Math.ceil(A4.height() / CELL);
        boolean[][] cells = new boolean[rows][cols];
        InkMap map = InkMap.blank(A4);
        int boxes = random.nextInt(40);
        for (int b = 0; b < boxes; b++) {
            int c0 = random.nextInt(cols);
            int r0 = random.nextInt(rows);
            int c1 = Math.min(cols, c0 + 1 + random.nextInt(60));
            int r1 = Math.min(rows, r0 + 1 + random.nextInt(8));
            map = map.with(new float[] {c0 * CELL, r0 * CELL, c1 * CELL, r1 * CELL});
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    cells[r][c] = true;
                }
            }
        }
        return new Page(placed ? map : map.shrunk(Shrink.NONE), cells);
    }

    private record Page(InkMap map, boolean[][] cells) {

        boolean free(float x0, float y0, float x1, float y1) {
            int c0 = (int) Math.floor(x0 / CELL);
            int r0 = (int) Math.floor(y0 / CELL);
            int c1 = (int) Math.ceil(x1 / CELL);
            int r1 = (int) Math.ceil(y1 / CELL);
            if (c0 < 0 || r0 < 0 || r1 > cells.length || c1 > cells[0].length || c0 >= c1 || r0 >= r1) {
                return false;
            }
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    if (cells[r][c]) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Each inked cell's square through {@code s}, and every cell it touches inked: one cell at a time. */
        boolean[][] shrunk(Shrink s) {
            int rows = cells.length;
            int cols = cells[0].length;
            boolean[][] out = new boolean[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (!cells[r][c]) {
                        continue;
                    }
                    float x0 = s.x(c * CELL);
                    float y0 = s.y(r * CELL);
                    float x1 = s.x((c + 1) * CELL);
                    float y1 = s.y((r + 1) * CELL);
                    for (int rr = Math.max(0, (int) Math.floor(y0 / CELL)); rr < Math.min(rows, Math.ceil(y1 / CELL)); rr++) {
                        for (int cc = Math.max(0, (int) Math.floor(x0 / CELL)); cc < Math.min(cols, Math.ceil(x1 / CELL)); cc++) {
                            out[rr][cc] = true;
                        }
                    }
                }
            }
            return out;
        }
    }
}
