package dev.marking.core.format.pdf;

import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * Which pages of a PDF carry no text of their own and so are read by OCR: pages whose own text (our
 * stamp aside) is empty, and pages with a few characters only (a page number, a Bates stamp) over an
 * image that covers most of the page. The text is already extracted, so pages with text cost nothing;
 * only pages with little text have their content replayed, without decoding any image.
 */
final class ScannedPages {

    /** Fewer visible characters than this on a page is "little text". */
    static final int LITTLE_TEXT = 50;
    /** Images covering at least this share of the page make a little-text page a scan. */
    static final double PAGE_SIZED = 0.5;
    private static final int GRID = 32;

    private ScannedPages() {
    }

    /** The 1-based pages of {@code doc} to read by OCR, given each page's own text. */
    static List<Integer> find(PDDocument doc, List<PageTextCollector.PageText> pages) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (PageTextCollector.PageText p : pages) {
            long chars = p.body().codePoints().filter(c -> !Character.isWhitespace(c)).count();
            if (chars == 0 || chars < LITTLE_TEXT && imageShare(doc.getPage(p.page() - 1)) >= PAGE_SIZED) {
                out.add(p.page());
            }
        }
        return out;
    }

    /** The share of {@code page}'s crop box that images cover, measured on a grid of {@value #GRID}² points. */
    static double imageShare(PDPage page) throws IOException {
        ImageArea area = new ImageArea(page);
        area.processPage(page);
        if (area.images.isEmpty()) {
            return 0;
        }
        PDRectangle box = page.getCropBox();
        int covered = 0;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double x = box.getLowerLeftX() + box.getWidth() * (i + 0.5) / GRID;
                double y = box.getLowerLeftY() + box.getHeight() * (j + 0.5) / GRID;
                if (area.images.stream().anyMatch(s -> s.contains(x, y))) {
                    covered++;
                }
            }
        }
        return (double) covered / (GRID * GRID);
    }

    /** Replays a page's content, collecting where images are painted; paths, text and shadings are ignored. */
    private static final class ImageArea extends PDFGraphicsStreamEngine {

        private final List<Shape> images = new ArrayList<>();

        ImageArea(PDPage page) {
            super(page);
        }

        @Override
        public void drawImage(PDImage image) {
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
        }

        @Override
        public void fillPath(int windingRule) {
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
