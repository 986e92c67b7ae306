package dev.marking.core.format;

/**
 * A page that carries no text of its own in the file (a scan, a page image, a PDF page that is one big
 * picture) and what became of it: read by OCR, found blank by OCR, or not read at all and why.
 *
 * @param page    1-based page
 * @param outcome what OCR did with it
 * @param detail  for {@link Outcome#UNAVAILABLE} and {@link Outcome#FAILED}: what is missing or what went
 *                wrong, in the words of the program ({@code tesseract not found on PATH}); else empty
 */
public record ScannedPage(int page, Outcome outcome, String detail) {

    /** What OCR did with a page that has no text of its own. */
    public enum Outcome {
        /** OCR read text on it; that text is in the read model, located {@code (OCR)}. */
        READ,
        /** OCR ran and found no text: a blank page, or one too faint or noisy to read. */
        BLANK,
        /** OCR is switched off (policy {@code ocr: off} or {@code MARKING_OCR=off}). */
        OFF,
        /** OCR is wanted but cannot run here: no tesseract, or no Chinese language data. */
        UNAVAILABLE,
        /** OCR ran and failed on this page: the program crashed, timed out or the page could not be rendered. */
        FAILED;

        /** True when the page's content is unknown: nothing was read and nothing says it is blank. */
        public boolean unread() {
            return this == OFF || this == UNAVAILABLE || this == FAILED;
        }
    }

    public ScannedPage {
        detail = detail == null ? "" : detail;
    }
}
