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

    private final double x0;
    private final double y0;
    private final double cellWidth;
    private final double cellHeight;
    private final List<List<PageInk.Glyph>> cells = new ArrayList<>(CELLS * CELLS);
    /** Visits are numbered across all grids: a glyph can be filed in more than one. */
    private static final AtomicLong VISITS = new AtomicLong();

    GlyphGrid(Rectangle2D page) {
        x0 = page.getMinX();
        y0 = page.getMinY();
        cellWidth = Math.max(page.getWidth(), 1) / CELLS;
        cellHeight = Math.max(page.getHeight(), 1) / CELLS;
        for (int i = 0; i < CELLS * CELLS; i++) {
            cells.add(null);
        }
    }

    /** Files {@code g} under the cells its box touches. */
    void add(PageInk.Glyph g) {
        Rectangle2D b = g.box;
        for (int r = row(b.getMinY()); r <= row(b.getMaxY()); r++) {
            for (int c = column(b.getMinX()); c <= column(b.getMaxX()); c++) {
                List<PageInk.Glyph> cell = cells.get(r * CELLS + c);
                if (cell == null) {
                    cell = new ArrayList<>();
                    cells.set(r * CELLS + c, cell);
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
        for (int r = row(area.getMinY()); r <= row(area.getMaxY()); r++) {
            for (int c = column(area.getMinX()); c <= column(area.getMaxX()); c++) {
                List<PageInk.Glyph> cell = cells.get(r * CELLS + c);
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

    private int column(double x) {
        return clamp((x - x0) / cellWidth);
    }

    private int row(double y) {
        return clamp((y - y0) / cellHeight);
    }

    private static int clamp(double cell) {
        if (!(cell > 0)) {
            return 0; // also NaN
        }
        return cell >= CELLS - 1 ? CELLS - 1 : (int) cell;
    }
}
