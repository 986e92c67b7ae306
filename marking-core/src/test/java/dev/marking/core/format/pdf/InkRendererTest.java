package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a scanned page whose picture PDFBox cannot decode (JPEG 2000 without its image reader) looked
 * blank to the layout, which then printed the block over the scanned text. {@link InkRenderer} counts such
 * an image as ink over its whole extent.
 */
class InkRendererTest {

    @Test
    void anImageThatCannotBeDecodedIsInkWhereItStands() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream broken = doc.getDocument().createCOSStream();
            broken.setItem(COSName.TYPE, COSName.XOBJECT);
            broken.setItem(COSName.SUBTYPE, COSName.IMAGE);
            broken.setInt(COSName.WIDTH, 100);
            broken.setInt(COSName.HEIGHT, 100);
            broken.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            broken.setInt(COSName.BITS_PER_COMPONENT, 8);
            broken.setItem(COSName.FILTER, COSName.JPX_DECODE);
            try (OutputStream out = broken.createRawOutputStream()) {
                out.write("not a JPEG 2000 codestream".getBytes(StandardCharsets.US_ASCII));
            }
            PDImageXObject image = new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(broken), null);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 500, 300, 300); // x 50–350, y 500–800
            }
            PageFrame frame = PageFrame.of(page);
            InkMap plain = InkMap.of(new PDFRenderer(doc), 0, frame);
            assertTrue(plain.free(60, 510, 340, 790), "PDFBox alone leaves the undecodable image out");
            InkMap ink = InkMap.of(new InkRenderer(doc), 0, frame);
            assertFalse(ink.free(60, 510, 340, 790), "the image's extent is ink");
            assertFalse(ink.free(60, 510, 70, 520), "also at its corner");
            assertTrue(ink.free(400, 100, 500, 400), "the rest of the page stays free");
        }
    }
}
