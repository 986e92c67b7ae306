package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The paint index and the share of a box inside a shape answer as a scan of every paint and a test of every sample
 * point against the shape do: on random pages, at cell borders, on the page's edges and outside the page.
 */
class OpaquePaintsTest {

    private static final Rectangle2D PAGE = new Rectangle2D.Double(10, 20, 595, 842);

    private final Random random = new Random(9704);

    @Test
    void theTopmostPaintIsTheOneALinearScanFinds() {
        for (int round = 0; round < 200; round++) {
            OpaquePaints<Integer> index = new OpaquePaints<>(PAGE);
            List<Shape> shapes = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                Shape s = shape();
                shapes.add(s);
                index.add(i, s, s.getBounds2D());
            }
            for (int q = 0; q < 300; q++) {
                double x = coordinate(PAGE.getMinX(), PAGE.getWidth());
                double y = coordinate(PAGE.getMinY(), PAGE.getHeight());
                assertEquals(scan(shapes, x, y), index.topmost(x, y), "round " + round + " at " + x + "," + y);
            }
        }
    }

    @Test
    void nothingFiledOrAPointNoPaintHolds() {
        OpaquePaints<String> index = new OpaquePaints<>(PAGE);
        assertNull(index.topmost(100, 100));
        Rectangle2D r = new Rectangle2D.Double(100, 100, 10, 10);
        index.add("box", r, r);
        assertNull(index.topmost(300, 300));
        assertNull(index.topmost(Double.NaN, 105));
        assertEquals("box", index.topmost(105, 105));
    }

    @Test
    void shareIsTheShareOfSamplePointsInsideEvenOnTheEdges() {
        for (int round = 0; round < 3000; round++) {
            Shape shape = random.nextInt(4) == 0 ? null : shape();
            Shape clip = random.nextInt(3) == 0 ? null : shape();
            Rectangle2D box;
            Shape edged = random.nextBoolean() ? clip : shape;
            if (random.nextBoolean() && edged != null) {
                // sample points on the edges of the clip or the shape: the first (or last) column and row of points
                Rectangle2D b = edged.getBounds2D();
                double w = 6 * (1 + random.nextInt(20));
                double h = 6 * (1 + random.nextInt(20));
                box = random.nextBoolean() ? new Rectangle2D.Double(b.getMinX() - w / 6, b.getMinY() - h / 6, w, h)
                        : new Rectangle2D.Double(b.getMaxX() - 5 * w / 6, b.getMaxY() - 5 * h / 6, w, h);
            } else {
                box = new Rectangle2D.Double(coordinate(PAGE.getMinX(), PAGE.getWidth()),
                        coordinate(PAGE.getMinY(), PAGE.getHeight()), random.nextInt(40), random.nextInt(40));
            }
            assertEquals(share(box, shape, clip), PageInk.share(box, shape, clip), "round " + round);
        }
    }

    /** The share as every sample point tested against the shapes themselves. */
    private static double share(Rectangle2D box, Shape shape, Shape clip) {
        if (shape == null && clip == null) {
            return 1;
        }
        int inside = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double x = box.getX() + box.getWidth() * (2 * i + 1) / 6.0;
                double y = box.getY() + box.getHeight() * (2 * j + 1) / 6.0;
                if ((clip == null || clip.contains(x, y)) && (shape == null || shape.contains(x, y))) {
                    inside++;
                }
            }
        }
        return inside / 9.0;
    }

    private static Integer scan(List<Shape> shapes, double x, double y) {
        for (int i = shapes.size() - 1; i >= 0; i--) {
            if (shapes.get(i).getBounds2D().contains(x, y) && shapes.get(i).contains(x, y)) {
                return i;
            }
        }
        return null;
    }

    /** A rectangle, a rectangular or other area, or an ellipse; some reach outside the page, some cover it. */
    private Shape shape() {
        double x = coordinate(PAGE.getMinX(), PAGE.getWidth());
        double y = coordinate(PAGE.getMinY(), PAGE.getHeight());
        double w = random.nextInt(8) == 0 ? PAGE.getWidth() * 2 : random.nextInt(200);
        double h = random.nextInt(8) == 0 ? PAGE.getHeight() * 2 : random.nextInt(200);
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        return switch (random.nextInt(5)) {
            case 0 -> r;
            case 1 -> new Area(r);
            case 2 -> {
                Area a = new Area(r);
                a.intersect(new Area(new Rectangle2D.Double(x + w / 3, y - 5, w, h)));
                yield a; // still one rectangle, or empty
            }
            case 3 -> {
                Area a = new Area(r);
                a.add(new Area(new Rectangle2D.Double(x + w / 2, y + h / 2, w, h))); // an L-shape: not rectangular
                yield a;
            }
            default -> new Ellipse2D.Double(x, y, w, h);
        };
    }

    /** A coordinate on the page, outside it, on its edge or on a cell border (1/16 of the page). */
    private double coordinate(double min, double size) {
        return switch (random.nextInt(6)) {
            case 0 -> min - random.nextInt(100);
            case 1 -> min + size + random.nextInt(100);
            case 2 -> min + size * random.nextInt(17) / 16.0;
            case 3 -> min + random.nextInt((int) size);
            default -> min + random.nextDouble() * size;
        };
    }
}
