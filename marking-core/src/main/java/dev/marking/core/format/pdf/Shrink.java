package dev.marking.core.format.pdf;

import org.apache.pdfbox.util.Matrix;

/**
 * How a page's own content is scaled to make room for our stamp (as Acrobat's "shrink document to avoid
 * overwriting" does), in reader coordinates: {@code x' = scale·x + dx}, {@code y' = scale·y + dy}.
 *
 * @param scale 0 &lt; scale ≤ 1
 * @param dx    horizontal shift, points
 * @param dy    vertical shift, points
 */
record Shrink(float scale, float dx, float dy) {

    static final Shrink NONE = new Shrink(1, 0, 0);

    /** True when the content stays as it is. */
    boolean none() {
        return scale == 1 && dx == 0 && dy == 0;
    }

    float x(float x) {
        return scale * x + dx;
    }

    float y(float y) {
        return scale * y + dy;
    }

    /** The same scaling in the page's user space ({@code cm} operands), given the page's frame. */
    Matrix inUserSpace(PageFrame frame) {
        Matrix toUser = frame.toUser();
        Matrix toReader;
        try {
            toReader = new Matrix(toUser.createAffineTransform().createInverse());
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new IllegalStateException("a page frame is always invertible", e);
        }
        Matrix inReader = new Matrix(scale, 0, 0, scale, dx, dy);
        // user → reader → shrunk in reader → user (PDFBox multiplies row vectors: a.multiply(b) applies a first)
        return toReader.multiply(inReader).multiply(toUser);
    }
}
