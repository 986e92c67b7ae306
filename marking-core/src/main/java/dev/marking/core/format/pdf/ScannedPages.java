package dev.marking.core.format.pdf;

import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * Which pages of a PDF carry no text of their own and so are read by OCR: pages whose own text (our
 * stamp aside) is empty but that put ink on the page (an image, or text drawn as outlines; not a white
 * box), and pages with a few characters only (a page number, a Bates stamp) over an image that covers
 * most of the page. The text is already extracted, so pages with text cost nothing; only pages with
 * little text have their content replayed, without decoding any image. A page with nothing drawn on it
 * is blank, not a scan.
 */
final class ScannedPages {

    /** Fewer visible characters than this on a page is "little text". */
    static final int LITTLE_TEXT = 50;
    /** Images covering at least this share of the page make a little-text page a scan. */
    static final double PAGE_SIZED = 0.5;
    /** Images covering less than this share of the page (spacers, a rule, a small logo) put no text there. */
    static final double SOME_IMAGE = 0.01;
    private static final int GRID = 32;
    /** Paint lighter than this in every channel (0..255) is paper, not ink. */
    private static final int WHITE = 242;

    private ScannedPages() {
    }

    /** The 1-based pages of {@code doc} to read by OCR, given each page's own text. */
    static List<Integer> find(PDDocument doc, List<PageScan.PageText> pages) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (PageScan.PageText p : pages) {
            long chars = p.body().codePoints().filter(c -> !Character.isWhitespace(c)).count();
            if (chars >= LITTLE_TEXT) {
                continue;
            }
            Ink ink = ink(doc.getPage(p.page() - 1));
            if (chars == 0 && ink.drawn() || ink.imageShare() >= PAGE_SIZED) {
                out.add(p.page());
            }
        }
        return out;
    }

    /** What {@code page} draws: whether anything, and the share of its crop box that images cover. */
    static Ink ink(PDPage page) throws IOException {
        ImageArea area = new ImageArea(page);
        area.processPage(page);
        double share = imageShare(page, area.images);
        return new Ink(area.painted || share >= SOME_IMAGE, share);
    }

    /**
     * What a page draws.
     *
     * @param drawn      true when it paints anything that may be text: images over more than a speck of the
     *                   page, a filled or stroked path that is not white, a shading
     * @param imageShare the share of the crop box images cover
     */
    record Ink(boolean drawn, double imageShare) {
    }

    /** The share of {@code page}'s crop box that {@code images} cover, measured on a grid of {@value #GRID}² points. */
    private static double imageShare(PDPage page, List<Shape> images) {
        if (images.isEmpty()) {
            return 0;
        }
        PDRectangle box = page.getCropBox();
        int covered = 0;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double x = box.getLowerLeftX() + box.getWidth() * (i + 0.5) / GRID;
                double y = box.getLowerLeftY() + box.getHeight() * (j + 0.5) / GRID;
                if (images.stream().anyMatch(s -> s.contains(x, y))) {
                    covered++;
                }
            }
        }
        return (double) covered / (GRID * GRID);
    }

    /**
     * Replays a page's content, collecting where images are painted and whether anything else is; text is
     * ignored, and so is our stamp (its marked content and forms): a stamped blank page is still blank.
     */
    private static final class ImageArea extends PageContentEngine {

        private final List<Shape> images = new ArrayList<>();
        private boolean painted;

        ImageArea(PDPage page) {
            super(page);
        }

        /** Paint in {@code colour} marks the page unless it is our stamp's or paper-white (a background box). */
        private void paint(PDColor colour) {
            painted |= !inStamp() && !white(colour);
        }

        private static boolean white(PDColor colour) {
            try {
                int rgb = colour.toRGB();
                return (rgb >> 16 & 0xFF) > WHITE && (rgb >> 8 & 0xFF) > WHITE && (rgb & 0xFF) > WHITE;
            } catch (IOException | RuntimeException e) {
                return false; // a colour space we cannot convert: count it as ink
            }
        }

        @Override
        public void drawImage(PDImage image) {
            if (inStamp()) {
                return;
            }
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            images.add(m.createAffineTransform().createTransformedShape(new Rectangle2D.Float(0, 0, 1, 1)));
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
            paint(getGraphicsState().getStrokingColor());
        }

        @Override
        public void fillPath(int windingRule) {
            paint(getGraphicsState().getNonStrokingColor());
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            paint(getGraphicsState().getNonStrokingColor());
            paint(getGraphicsState().getStrokingColor());
        }

        @Override
        public void shadingFill(COSName shadingName) {
            painted |= !inStamp();
        }
    }
}
