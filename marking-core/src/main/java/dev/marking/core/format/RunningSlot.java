package dev.marking.core.format;

import java.util.List;

/**
 * One place where running text appears: a DOCX header/footer type of one section ({@code default},
 * {@code first}, {@code even}) that Word will actually show, or a PDF page ({@code page}).
 *
 * @param unit       1-based section (DOCX) or page (PDF)
 * @param type       {@code default}, {@code first}, {@code even} or {@code page}
 * @param header     header paragraphs (our running mark, the user's own header text)
 * @param footer     footer paragraphs
 * @param watermarks texts of watermark shapes shown on this slot's pages
 */
public record RunningSlot(int unit, String type, List<TextBlock> header, List<TextBlock> footer,
        List<String> watermarks) {

    public RunningSlot {
        header = List.copyOf(header);
        footer = List.copyOf(footer);
        watermarks = List.copyOf(watermarks);
    }

    /** {@code section 2 first header} / {@code page 3} for messages. */
    public String describe(String unitName) {
        return "page".equals(type) ? unitName + " " + unit : unitName + " " + unit + " " + type;
    }
}
