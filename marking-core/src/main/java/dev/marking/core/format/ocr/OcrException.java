package dev.marking.core.format.ocr;

import dev.marking.core.format.ScannedPage.Outcome;

/** OCR could not run ({@link Outcome#UNAVAILABLE}) or failed on a page ({@link Outcome#FAILED}); the message says why. */
final class OcrException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Outcome outcome;

    OcrException(Outcome outcome, String detail) {
        super(detail);
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
