package dev.marking.core.format.ofd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The page's own ink our lines should stay off, from what the page and its templates draw: each text
 * object's {@code Boundary} (or, when a producer gives a page-sized boundary, the boxes of its glyph
 * runs) and the boundaries of paths and images that are not page-sized backgrounds.
 *
 * @param boxes    x, y, w, h of each
 * @param textArea the box around all of the page's text, if it has any
 */
record Obstacles(List<double[]> boxes, Optional<double[]> textArea) {

    /** A boundary larger than this share of the page says nothing about where the ink is. */
    private static final double LARGE = 0.25;

    static Obstacles of(OfdDocument doc, OfdDocument.Page page) {
        List<PageObjects> drawn = new ArrayList<>();
        doc.templatesOf(page).forEach(t -> drawn.add(PageObjects.of(t.content().getDocumentElement())));
        drawn.add(PageObjects.of(page.content().getDocumentElement()));
        double area = page.box()[2] * page.box()[3];
        List<double[]> text = new ArrayList<>();
        List<double[]> boxes = new ArrayList<>();
        for (PageObjects objects : drawn) {
            for (PageObjects.Text t : objects.texts) {
                if (StampRole.ours(t.name()) || !t.visible() || t.text().isBlank()) {
                    continue;
                }
                if (usable(t.boundary(), area)) {
                    text.add(t.boundary());
                } else {
                    for (PageObjects.Run r : t.runs()) {
                        if (r.horizontal() && !r.text().isBlank()) {
                            text.add(new double[] {r.x(), r.y() - r.size() * StampLayout.ASCENT, r.endX() - r.x(), r.size()});
                        }
                    }
                }
            }
            objects.ink.stream().filter(b -> usable(b, area)).forEach(boxes::add);
        }
        boxes.addAll(text);
        return new Obstacles(boxes, union(text));
    }

    private static boolean usable(double[] b, double pageArea) {
        return b.length == 4 && b[2] > 0 && b[3] > 0 && b[2] * b[3] <= LARGE * pageArea;
    }

    private static Optional<double[]> union(List<double[]> boxes) {
        if (boxes.isEmpty()) {
            return Optional.empty();
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (double[] b : boxes) {
            x0 = Math.min(x0, b[0]);
            y0 = Math.min(y0, b[1]);
            x1 = Math.max(x1, b[0] + b[2]);
            y1 = Math.max(y1, b[1] + b[3]);
        }
        return Optional.of(new double[] {x0, y0, x1 - x0, y1 - y0});
    }
}
