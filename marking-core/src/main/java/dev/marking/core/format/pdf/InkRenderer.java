package dev.marking.core.format.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * The renderer {@link InkMap} looks at pages with: PDFBox's, except that an image it cannot decode (a
 * JPEG 2000 scan without an image reader for it, a broken stream) is painted solid black over its whole
 * extent instead of being left out. A reader with the decoder shows that image, so our marks must keep off
 * it: a scanned page whose picture PDFBox could not draw would otherwise look blank, and the block would be
 * printed over the scanned text. Hostile content stops at one of the {@link ContentLimits}.
 */
final class InkRenderer extends PDFRenderer {

    InkRenderer(PDDocument doc) {
        super(doc);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        ContentLimits limits = new ContentLimits();
        return new PageDrawer(parameters) {
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
        };
    }
}
