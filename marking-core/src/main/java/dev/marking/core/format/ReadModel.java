package dev.marking.core.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an adapter read from one file: everything the rules may look at. Rules never open files.
 *
 * @param path         the file
 * @param format       adapter id ({@code docx}, {@code pdf}, {@code text})
 * @param unit         what the document is divided into: sections, pages, sheets, slides, or the file as a whole
 * @param firstPageTop the top of the first page in reading order (where the GB/T 9704 block sits):
 *                     for DOCX the first body paragraphs, for PDF the top lines of page 1, for text the
 *                     first lines
 * @param body         the visible body text in reading order (tables included), each with its location
 * @param slots        running header/footer/watermark places, one per shown header type per unit
 * @param properties   metadata: DOCX custom and core properties, PDF info dictionary (+ XMP {@code marking.*})
 * @param hidden       content the file carries that a reader does not see
 * @param scanned      pages without text of their own (scans, page images) and whether OCR read them; text
 *                     OCR read is in the lists above, its locations marked {@link dev.marking.core.model.Ocr}
 */
public record ReadModel(Path path, String format, Unit unit, List<TextBlock> firstPageTop,
        List<TextBlock> body, List<RunningSlot> slots, Map<String, String> properties, List<HiddenItem> hidden,
        List<ScannedPage> scanned) {

    public ReadModel {
        firstPageTop = List.copyOf(firstPageTop);
        body = List.copyOf(body);
        slots = List.copyOf(slots);
        properties = Map.copyOf(properties);
        hidden = List.copyOf(hidden);
        scanned = List.copyOf(scanned);
    }

    /** A model of a file whose every page carries its own text. */
    public ReadModel(Path path, String format, Unit unit, List<TextBlock> firstPageTop, List<TextBlock> body,
            List<RunningSlot> slots, Map<String, String> properties, List<HiddenItem> hidden) {
        this(path, format, unit, firstPageTop, body, slots, properties, hidden, List.of());
    }

    /** The body text joined by newlines, for detectors that scan prose. */
    public String bodyText() {
        StringBuilder sb = new StringBuilder();
        for (TextBlock b : body) {
            sb.append(b.text()).append('\n');
        }
        return sb.toString();
    }
}
