package dev.marking.core.format.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The copy number drawn a second time, as a row of tiny near-white squares along the bottom edge of
 * every page: two start dots, 20 bits of the number, a 4-bit check (xor of its nibbles) and an end dot,
 * one slot each. It is vector graphics, so it survives removing metadata, re-writing the file
 * structure and re-distilling ({@code gs -sDEVICE=pdfwrite}) where marked content and metadata may be
 * lost; the decoder needs only the dots' relative positions, so moving, scaling or turning the page
 * does not matter.
 */
final class CovertMark {

    /** Slots in the row: 2 start, 20 number, 4 check, 1 end. */
    static final int SLOTS = 27;
    private static final int BITS = 20;
    private static final float STEP = 2.4f;
    private static final float DOT = 0.6f;
    private static final float GREY = 0.96f;
    private static final float SLACK = 0.3f;
    private static final int MAX_DOTS = 400;

    private CovertMark() {
    }

    /** Draws the row for {@code copy} in reader coordinates of {@code frame} (wrapped as part of our footer). */
    static void draw(StampContent c, PageFrame frame, int copy) {
        boolean[] slots = slots(copy);
        float x0 = frame.width() * 0.62f;
        float y = Math.min(2.5f, frame.height() / 4);
        c.begin(StampRole.FOOTER).save().op("rg", GREY, GREY, GREY);
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i]) {
                c.op("re", x0 + i * STEP, y, DOT, DOT).op("f");
            }
        }
        c.restore().end();
    }

    static boolean[] slots(int copy) {
        boolean[] s = new boolean[SLOTS];
        s[0] = true;
        s[1] = true;
        for (int i = 0; i < BITS; i++) {
            s[2 + i] = (copy >>> (BITS - 1 - i) & 1) == 1;
        }
        int check = check(copy);
        for (int i = 0; i < 4; i++) {
            s[2 + BITS + i] = (check >>> (3 - i) & 1) == 1;
        }
        s[SLOTS - 1] = true;
        return s;
    }

    private static int check(int copy) {
        int x = 0;
        for (int v = copy; v != 0; v >>>= 4) {
            x ^= v & 0xF;
        }
        return x;
    }

    /** The six-digit copy number the first page's row carries, if it has a valid one. */
    static Optional<String> read(PDDocument doc) {
        try {
            PDPage page = doc.getPage(0);
            DotFinder finder = new DotFinder(page);
            finder.processPage(page);
            return decode(finder.dots);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> decode(List<Point2D> dots) {
        if (dots.size() < 3 || dots.size() > MAX_DOTS) {
            return Optional.empty();
        }
        Point2D a = null;
        Point2D b = null;
        double far = -1;
        for (int i = 0; i < dots.size(); i++) {
            for (int j = i + 1; j < dots.size(); j++) {
                double d = dots.get(i).distance(dots.get(j));
                if (d > far) {
                    far = d;
                    a = dots.get(i);
                    b = dots.get(j);
                }
            }
        }
        Optional<String> forward = decode(dots, a, b);
        return forward.isPresent() ? forward : decode(dots, b, a);
    }

    private static Optional<String> decode(List<Point2D> dots, Point2D start, Point2D end) {
        if (start == null || end == null) {
            return Optional.empty();
        }
        double len = start.distance(end);
        double step = len / (SLOTS - 1);
        double dx = (end.getX() - start.getX()) / len;
        double dy = (end.getY() - start.getY()) / len;
        boolean[] s = new boolean[SLOTS];
        for (Point2D p : dots) {
            double px = p.getX() - start.getX();
            double py = p.getY() - start.getY();
            double t = (px * dx + py * dy) / step;
            double off = Math.abs(px * dy - py * dx) / step;
            long slot = Math.round(t);
            if (off < SLACK && Math.abs(t - slot) < SLACK && slot >= 0 && slot < SLOTS) {
                s[(int) slot] = true;
            }
        }
        int value = 0;
        for (int i = 0; i < BITS; i++) {
            value = value << 1 | (s[2 + i] ? 1 : 0);
        }
        boolean valid = value >= 1 && value <= 999_999 && Arrays.equals(s, slots(value));
        return valid ? Optional.of(String.format("%06d", value)) : Optional.empty();
    }

    /** Collects the centres of small filled shapes in our near-white grey. */
    private static final class DotFinder extends PathlessEngine {

        private final List<Point2D> dots = new ArrayList<>();
        private final List<double[]> subpaths = new ArrayList<>();
        private double[] box;

        DotFinder(PDPage page) {
            super(page);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            moveTo((float) p0.getX(), (float) p0.getY());
            for (Point2D p : List.of(p1, p2, p3)) {
                lineTo((float) p.getX(), (float) p.getY());
            }
        }

        @Override
        public void moveTo(float x, float y) {
            box = new double[] {x, y, x, y};
            subpaths.add(box);
            super.moveTo(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            if (box == null) {
                moveTo(x, y);
                return;
            }
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
            super.lineTo(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            lineTo(x1, y1);
            lineTo(x2, y2);
            lineTo(x3, y3);
        }

        @Override
        public void closePath() {
            // a closed subpath keeps its box
        }

        @Override
        public void endPath() {
            subpaths.clear();
            box = null;
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            if (ourGrey()) {
                for (double[] b : subpaths) {
                    double w = b[2] - b[0];
                    double h = b[3] - b[1];
                    if (w > 0.05 && h > 0.05 && w < 3 && h < 3 && dots.size() <= MAX_DOTS) {
                        dots.add(new Point2D.Double((b[0] + b[2]) / 2, (b[1] + b[3]) / 2));
                    }
                }
            }
            endPath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            fillPath(windingRule);
        }

        @Override
        public void strokePath() {
            endPath();
        }

        private boolean ourGrey() {
            try {
                int rgb = getGraphicsState().getNonStrokingColor().toRGB();
                int lo = Math.round((GREY - 0.02f) * 255);
                int hi = Math.round((GREY + 0.02f) * 255);
                for (int shift : new int[] {16, 8, 0}) {
                    int v = rgb >>> shift & 0xFF;
                    if (v < lo || v > hi) {
                        return false;
                    }
                }
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
