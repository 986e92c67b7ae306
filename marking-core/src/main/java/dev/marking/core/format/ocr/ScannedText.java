package dev.marking.core.format.ocr;

import dev.marking.core.format.ScannedPage;
import java.util.List;

/**
 * What OCR made of one page without text of its own.
 *
 * @param status the page and what OCR did with it
 * @param lines  the lines read, top to bottom (empty unless {@link ScannedPage.Outcome#READ})
 * @param whole  true when the whole page was read, false when only its top and bottom bands were
 */
public record ScannedText(ScannedPage status, List<OcrLine> lines, boolean whole) {

    public ScannedText {
        lines = List.copyOf(lines);
    }

    public int page() {
        return status.page();
    }
}
