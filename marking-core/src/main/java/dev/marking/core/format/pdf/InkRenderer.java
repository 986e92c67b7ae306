package dev.marking.core.format.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * The renderer {@link InkMap} looks at pages with: PDFBox's, except that an image it cannot decode (a
 * JPEG 2000 scan without an image reader for it, a broken stream) is painted solid black over its whole
 * extent instead of being left out. A reader with the decoder shows that image, so our marks must keep off
 * it: a scanned page whose picture PDFBox could not draw would otherwise look blank, and the block would be
 * printed over the scanned text.
 */
final class InkRenderer extends PDFRenderer {

    InkRenderer(PDDocument doc) {
        super(doc);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
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
