package dev.marking.core.format.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** The pages of a document as pixels, for OCR: rendered from a PDF, or decoded from an image file. */
public interface PageImages {

    /** The most pixels one page is rendered with (an A4 page at 300 dpi has 8.7 million, A3 17.4): 36 MB of grey. */
    long MAX_PIXELS = 36_000_000L;

    /** The resolution, {@code dpi} or below, that keeps a page of this size in points within {@link #MAX_PIXELS}. */
    static int capped(double widthPoints, double heightPoints, int dpi) {
        double pixels = widthPoints * heightPoints * dpi * dpi / (72.0 * 72.0);
        return Math.max(1, pixels <= MAX_PIXELS ? dpi : (int) Math.floor(dpi * Math.sqrt(MAX_PIXELS / pixels)));
    }

    /**
     * Page {@code page} (1-based) as a reader sees it, at {@code dpi} where the source can say (a PDF),
     * else at its own resolution (an image file); never above {@link #MAX_PIXELS}. The result says which.
     */
    PageImage render(int page, int dpi) throws IOException;

    /**
     * One rendered page.
     *
     * @param image the pixels, any type
     * @param dpi   the resolution it was rendered at
     */
    record PageImage(BufferedImage image, int dpi) {
    }
}
