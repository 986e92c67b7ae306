package dev.marking.core.format.pdf;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * The renderer {@link InkMap} looks at pages with: PDFBox's, except that a glyph is drawn as the box of its
 * outline (where it can leave ink) rather than the outline itself, and that an image it cannot decode (a
 * JPEG 2000 scan without an image reader for it, a broken stream) is painted solid black over its whole
 * extent instead of being left out. A reader with the decoder shows that image, so our marks must keep off
 * it: a scanned page whose picture PDFBox could not draw would otherwise look blank, and the block would be
 * printed over the scanned text. Hostile content stops at one of the {@link ContentLimits}.
 */
final class InkRenderer extends PDFRenderer {

    /** Each glyph's bounds in glyph space (1000 units to the em), by font and code, for the whole document. */
    private final Map<COSBase, Map<Integer, Rectangle2D>> glyphBoxes = new HashMap<>();

    InkRenderer(PDDocument doc) {
        super(doc);
    }

    /** The bounds of glyph {@code code}'s outline, empty for a blank glyph (a space). */
    private Rectangle2D glyphBox(PDFont font, PDVectorFont vector, int code) throws IOException {
        Map<Integer, Rectangle2D> boxes = glyphBoxes.computeIfAbsent(font.getCOSObject(), f -> new HashMap<>());
        Rectangle2D box = boxes.get(code);
        if (box == null) {
            box = vector.getNormalizedPath(code).getBounds2D();
            boxes.put(code, box);
        }
        return box;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new InkDrawer(parameters);
    }

    /** PDFBox's page drawer with the limits, glyph boxes and undecodable images described above. */
    private final class InkDrawer extends PageDrawer {

        private final ContentLimits limits = new ContentLimits();

        InkDrawer(PageDrawerParameters parameters) throws IOException {
            super(parameters);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            limits.operator(operator.getName(), getGraphicsStackSize());
            super.processOperator(operator, operands);
        }

        @Override
        protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            limits.glyph();
            super.showGlyph(trm, font, code, displacement);
        }

        /**
         * A filled or stroked glyph of an outline font is drawn as the device pixels its outline's box touches:
         * where its ink can be at all, which is what the layout needs, without transforming and anti-aliasing each
         * outline (most of a long document's stamp went to that). Text that clips goes to PDFBox as it is;
         * invisible text leaves no ink.
         */
        @Override
        protected void showFontGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
            if (mode.isClip() || !(font instanceof PDVectorFont vector) || font.isVertical()) {
                super.showFontGlyph(trm, font, code, displacement);
                return;
            }
            Rectangle2D box = glyphBox(font, vector, code);
            if (!mode.isFill() && !mode.isStroke() || box.isEmpty()) {
                return;
            }
            AffineTransform at = trm.createAffineTransform();
            at.concatenate(font.getFontMatrix().createAffineTransform());
            if (!font.isEmbedded() && !font.isStandard14() && font.hasExplicitWidth(code)) {
                float fromFont = font.getWidthFromFont(code); // a stand-in font is scaled to the PDF's widths
                if (fromFont > 0 && Math.abs(fromFont - displacement.getX() * 1000) > 0.0001) {
                    at.scale(displacement.getX() * 1000 / fromFont, 1);
                }
            }
            setClip();
            fillPixels(at, box, mode.isFill() ? getNonStrokingPaint() : Color.BLACK);
        }

        /** Fills the device pixels {@code box} touches under {@code at}, opaque, within the current clip. */
        private void fillPixels(AffineTransform at, Rectangle2D box, Paint paint) {
            Graphics2D g = getGraphics();
            AffineTransform user = g.getTransform();
            AffineTransform toDevice = new AffineTransform(user);
            toDevice.concatenate(at);
            double[] c = {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMinY(), box.getMaxX(), box.getMaxY(),
                box.getMinX(), box.getMaxY()};
            toDevice.transform(c, 0, c, 0, 4);
            int left = (int) Math.floor(Math.min(Math.min(c[0], c[2]), Math.min(c[4], c[6])));
            int right = (int) Math.ceil(Math.max(Math.max(c[0], c[2]), Math.max(c[4], c[6])));
            int top = (int) Math.floor(Math.min(Math.min(c[1], c[3]), Math.min(c[5], c[7])));
            int bottom = (int) Math.ceil(Math.max(Math.max(c[1], c[3]), Math.max(c[5], c[7])));
            Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g.setTransform(new AffineTransform()); // the clip is kept in device space and still applies
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setComposite(AlphaComposite.SrcOver);
            g.setPaint(paint);
            g.fillRect(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
            g.setTransform(user);
            if (antialias != null) {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
            }
        }

        @Override
        public void showForm(PDFormXObject form) throws IOException {
            limits.form(form, () -> super.showForm(form));
        }

        @Override
        public void showTransparencyGroup(PDTransparencyGroup form) throws IOException {
            limits.form(form, () -> super.showTransparencyGroup(form));
        }

        @Override
        public void drawImage(PDImage image) throws IOException {
            try {
                super.drawImage(image);
            } catch (IOException | RuntimeException e) {
                Graphics2D g = getGraphics();
                Color before = g.getColor();
                g.setColor(Color.BLACK);
                g.fill(getGraphicsState().getCurrentTransformationMatrix().createAffineTransform()
                        .createTransformedShape(new Rectangle2D.Float(0, 0, 1, 1)));
                g.setColor(before);
            }
        }
    }
}
