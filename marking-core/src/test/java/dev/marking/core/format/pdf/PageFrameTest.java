package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Point2D;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/** Reader coordinates to user space for each rotation, with a crop box off the origin. */
class PageFrameTest {

    private static final PDRectangle CROP = new PDRectangle(100, 50, 400, 600);

    @Test
    void normalisesRotation() {
        assertEquals(0, PageFrame.normalise(360));
        assertEquals(270, PageFrame.normalise(-90));
        assertEquals(90, PageFrame.normalise(450));
        assertEquals(180, PageFrame.normalise(-180));
    }

    @Test
    void readerTopLeftIsTheVisibleCornerAReaderSeesTopLeft() {
        // top-left as displayed: rotate 0 -> (x0, y1); 90 -> (x0, y0); 180 -> (x1, y0); 270 -> (x1, y1)
        assertTopLeft(0, 100, 650);
        assertTopLeft(90, 100, 50);
        assertTopLeft(180, 500, 50);
        assertTopLeft(270, 500, 650);
    }

    @Test
    void swapsWidthAndHeightForQuarterTurns() {
        PageFrame f = frame(90);
        assertEquals(600, f.width(), 0.01);
        assertEquals(400, f.height(), 0.01);
        assertEquals(400, frame(180).width(), 0.01);
    }

    private static void assertTopLeft(int rotate, float x, float y) {
        PageFrame f = frame(rotate);
        Point2D.Float p = f.toUser().transformPoint(0, f.height());
        assertEquals(x, p.x, 0.01, "x for /Rotate " + rotate);
        assertEquals(y, p.y, 0.01, "y for /Rotate " + rotate);
    }

    private static PageFrame frame(int rotate) {
        PDPage page = new PDPage(new PDRectangle(0, 0, 800, 900));
        page.setCropBox(CROP);
        page.setRotation(rotate);
        return PageFrame.of(page);
    }
}
