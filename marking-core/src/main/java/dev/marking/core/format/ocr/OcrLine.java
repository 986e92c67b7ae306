package dev.marking.core.format.ocr;

/**
 * One line of text OCR read on one page image, with its place on the upright page.
 *
 * @param text       the words, joined the way the script writes them (no spaces between Chinese characters)
 * @param top        top of the line, as a share of the page's height (0 at the top, 1 at the bottom)
 * @param bottom     bottom of the line, same measure
 * @param confidence the OCR engine's mean confidence in the line's characters, 0–100
 */
public record OcrLine(String text, double top, double bottom, int confidence) {

    /** The middle of the line, as a share of the page's height. */
    public double middle() {
        return (top + bottom) / 2;
    }
}
