package dev.marking.core.format.pdf;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * The visible page as a reader sees it: the crop box, turned by {@code /Rotate}. Stamp layout works in
 * reader coordinates (origin bottom-left of the displayed page, x right, y up, in points);
 * {@link #toUser()} maps them into the page's user space.
 *
 * @param width    displayed width
 * @param height   displayed height
 * @param rotation the page's rotation, normalised to 0, 90, 180 or 270
 * @param toUser   reader coordinates to user space
 */
record PageFrame(float width, float height, int rotation, Matrix toUser) {

    /** The frame of {@code page}; {@code /Rotate} may be inherited or indirect (PDFBox resolves both). */
    static PageFrame of(PDPage page) {
        PDRectangle box = page.getCropBox();
        int rotation = normalise(page.getRotation());
        float x0 = box.getLowerLeftX();
        float y0 = box.getLowerLeftY();
        float w = box.getWidth();
        float h = box.getHeight();
        return switch (rotation) {
            case 90 -> new PageFrame(h, w, 90, new Matrix(0, 1, -1, 0, x0 + w, y0));
            case 180 -> new PageFrame(w, h, 180, new Matrix(-1, 0, 0, -1, x0 + w, y0 + h));
            case 270 -> new PageFrame(h, w, 270, new Matrix(0, -1, 1, 0, x0, y0 + h));
            default -> new PageFrame(w, h, 0, new Matrix(1, 0, 0, 1, x0, y0));
        };
    }

    /** Rotation as a multiple of 90 in 0..270 (the spec allows negative and large multiples). */
    static int normalise(int rotate) {
        int r = Math.floorMod(rotate, 360);
        return (r + 45) / 90 % 4 * 90;
    }

    /** The shorter side, the scale of the layout. */
    float shortSide() {
        return Math.min(width, height);
    }
}
