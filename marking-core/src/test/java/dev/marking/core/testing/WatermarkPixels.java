package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

/** Checks a rendered page the way a reader looks at it: is the watermark there, diagonal and light? */
public final class WatermarkPixels {

    private static final int INK = 245;
    private static final int DARK = 140;

    private WatermarkPixels() {
    }

    /** In the middle of a page with one short line of text, the only ink is the watermark. */
    public static void assertDiagonalAndLight(BufferedImage image, String where) {
        int x0 = image.getWidth() / 5;
        int x1 = image.getWidth() * 4 / 5;
        int y0 = image.getHeight() / 4;
        int y1 = image.getHeight() * 3 / 4;
        long n = 0;
        long dark = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int l = luminance(image.getRGB(x, y));
                if (l < INK) {
                    n++;
                    dark += l < DARK ? 1 : 0;
                    sx += x;
                    sy += y;
                    sxx += (double) x * x;
                    syy += (double) y * y;
                    sxy += (double) x * y;
                }
            }
        }
        assertTrue(n > 200, where + "no watermark ink in the middle of the page (" + n + " pixels)");
        assertTrue(dark < n / 50, where + "watermark is not light: " + dark + " of " + n + " pixels are dark");
        double cov = sxy / n - (sx / n) * (sy / n);
        double corr = cov / Math.sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
        // rising to the right: x grows while the image row index falls
        assertTrue(corr < -0.6, where + "watermark is not diagonal (x/y correlation " + corr + ")");
    }

    private static int luminance(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (r * 299 + g * 587 + b * 114) / 1000;
    }
}
