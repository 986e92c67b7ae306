package dev.marking.core.format.pdf;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The opaque paints of a page (fills, images, shadings) filed by where they are, so that the topmost one under a
 * point is found among the paints near it rather than among every paint drawn before: a page of tables paints
 * thousands of cells under thousands of glyphs. The page (its crop box) is cut into {@value #CELLS}² cells; a
 * paint is filed, in drawing order, in every cell its bounds touch, and one reaching outside the page in the cells
 * at the edge nearest to it, where a point outside the page is looked up too.
 *
 * @param <P> what is painted
 */
final class OpaquePaints<P> {

    private static final int CELLS = 16;

    private final PageCells grid;
    private final List<List<Entry<P>>> cells = new ArrayList<>(CELLS * CELLS);

    OpaquePaints(Rectangle2D page) {
        grid = new PageCells(page, CELLS);
        for (int i = 0; i < grid.count(); i++) {
            cells.add(null);
        }
    }

    /** Files {@code paint}, painted over all filed before it, whose area is {@code shape} within {@code bounds}. */
    void add(P paint, Shape shape, Rectangle2D bounds) {
        Entry<P> e = new Entry<>(paint, shape, bounds);
        for (int r = grid.row(bounds.getMinY()); r <= grid.row(bounds.getMaxY()); r++) {
            for (int c = grid.column(bounds.getMinX()); c <= grid.column(bounds.getMaxX()); c++) {
                List<Entry<P>> cell = cells.get(grid.index(r, c));
                if (cell == null) {
                    cell = new ArrayList<>();
                    cells.set(grid.index(r, c), cell);
                }
                cell.add(e);
            }
        }
    }

    /** The paint filed last whose bounds and area hold the point ({@code x}, {@code y}); null when none does. */
    P topmost(double x, double y) {
        List<Entry<P>> cell = cells.get(grid.index(grid.row(y), grid.column(x)));
        if (cell == null) {
            return null;
        }
        for (int i = cell.size() - 1; i >= 0; i--) {
            Entry<P> e = cell.get(i);
            if (e.bounds.contains(x, y) && e.shape.contains(x, y)) {
                return e.paint;
            }
        }
        return null;
    }

    private record Entry<P>(P paint, Shape shape, Rectangle2D bounds) {
    }
}
