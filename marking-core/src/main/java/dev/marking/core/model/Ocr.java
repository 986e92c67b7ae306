package dev.marking.core.model;

/**
 * Text that was read from pixels (a scanned page) by OCR rather than from the file's text, and how sure
 * the OCR engine was of it: findings there say so, and carry the confidence.
 *
 * @param confidence the OCR engine's mean confidence for the words at this place, 0–100; {@link #NONE}
 *                   where there are no words to be sure of (a whole page, a band that read as blank)
 */
public record Ocr(int confidence) {

    /** The confidence of a place without recognised words. */
    public static final int NONE = -1;

    /** A place read by OCR without words of its own (a page, a blank band). */
    public static final Ocr PAGE = new Ocr(NONE);

    public Ocr {
        if (confidence < NONE || confidence > 100) {
            throw new IllegalArgumentException("OCR confidence out of range: " + confidence);
        }
    }

    /** True when words were recognised here, so {@link #confidence()} means something. */
    public boolean hasConfidence() {
        return confidence != NONE;
    }
}
