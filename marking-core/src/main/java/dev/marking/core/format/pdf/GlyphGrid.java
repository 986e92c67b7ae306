package dev.marking.core.format.pdf;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Glyphs filed by where they are on a page, so that an opaque box drawn over the page is compared with the
 * glyphs near it rather than with every glyph drawn before it: a page of tables draws thousands of cell
 * backgrounds over thousands of glyphs. The page (its crop box) is cut into {@value #CELLS}² cells; a glyph
 * is filed in every cell its box touches, and one outside the page in the cells at the edge nearest to it.
 */
final class GlyphGrid {

    private static final int CELLS = 32;

    private final PageCells grid;
    private final List<List<PageInk.Glyph>> cells = new ArrayList<>(CELLS * CELLS);
    /** Visits are numbered across all grids: a glyph can be filed in more than one. */
    private static final AtomicLong VISITS = new AtomicLong();

    GlyphGrid(Rectangle2D page) {
        grid = new PageCells(page, CELLS);
        for (int i = 0; i < grid.count(); i++) {
            cells.add(null);
        }
    }

    /** Files {@code g} under the cells its box touches. */
    void add(PageInk.Glyph g) {
        Rectangle2D b = g.box;
        for (int r = grid.row(b.getMinY()); r <= grid.row(b.getMaxY()); r++) {
            for (int c = grid.column(b.getMinX()); c <= grid.column(b.getMaxX()); c++) {
                List<PageInk.Glyph> cell = cells.get(grid.index(r, c));
                if (cell == null) {
                    cell = new ArrayList<>();
                    cells.set(grid.index(r, c), cell);
                }
                cell.add(g);
            }
        }
    }

    /**
     * Hands {@code action} each glyph filed in a cell that {@code area} touches, once, in the order they were
     * filed within a cell: every glyph whose box intersects {@code area} is among them.
     */
    void visit(Rectangle2D area, Consumer<PageInk.Glyph> action) {
        long visit = VISITS.incrementAndGet();
        for (int r = grid.row(area.getMinY()); r <= grid.row(area.getMaxY()); r++) {
            for (int c = grid.column(area.getMinX()); c <= grid.column(area.getMaxX()); c++) {
                List<PageInk.Glyph> cell = cells.get(grid.index(r, c));
                if (cell == null) {
                    continue;
                }
                for (PageInk.Glyph g : cell) {
                    if (g.visit != visit) { // a glyph filed in several cells is handed over once
                        g.visit = visit;
                        action.accept(g);
                    }
                }
            }
        }
    }
}
