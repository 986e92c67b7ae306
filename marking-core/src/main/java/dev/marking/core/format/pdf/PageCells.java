package dev.marking.core.format.pdf;

import java.awt.geom.Rectangle2D;

/**
 * A page (its crop box) cut into n × n cells, for filing what is drawn by where it is: a coordinate off the page
 * falls in the cells at the edge nearest to it, and NaN in the first.
 */
final class PageCells {

    private final int n;
    private final double x0;
    private final double y0;
    private final double cellWidth;
    private final double cellHeight;

    PageCells(Rectangle2D page, int n) {
        this.n = n;
        x0 = page.getMinX();
        y0 = page.getMinY();
        cellWidth = Math.max(page.getWidth(), 1) / n;
        cellHeight = Math.max(page.getHeight(), 1) / n;
    }

    /** How many cells there are: n². */
    int count() {
        return n * n;
    }

    /** The index (0 to n² − 1) of the cell in {@code row} and {@code column}. */
    int index(int row, int column) {
        return row * n + column;
    }

    int column(double x) {
        return clamp((x - x0) / cellWidth);
    }

    int row(double y) {
        return clamp((y - y0) / cellHeight);
    }

    private int clamp(double cell) {
        if (!(cell > 0)) {
            return 0; // also NaN
        }
        return cell >= n - 1 ? n - 1 : (int) cell;
    }
}
