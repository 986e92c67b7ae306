package dev.marking.core.format.ocr;

import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import dev.marking.core.model.Ocr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Places what OCR read on a page into the read model's parts, by position on the upright page: every
 * line is body text; lines in the top {@value #ZONE} of the page are its running header, lines in the
 * bottom {@value #ZONE} its footer; the first lines of page 1 are its top (the GB/T 9704 block). OCR
 * cannot tell our stamp from the page's own print, so a scanned stamped page shows both in these parts.
 * Every location is marked {@link Ocr} with the line's confidence.
 */
public final class ScanLayout {

    /** Share of the page's height at the top (bottom) whose lines are the running header (footer). */
    public static final double ZONE = 0.07;

    private ScanLayout() {
    }

    /** Every line read on the page, top to bottom. */
    public static List<TextBlock> body(ScannedText page) {
        return blocks(page, null, l -> true);
    }

    /** The lines in the running-header zone. */
    public static List<TextBlock> header(ScannedText page) {
        return blocks(page, "header", l -> l.middle() < ZONE);
    }

    /** The lines in the footer zone. */
    public static List<TextBlock> footer(ScannedText page) {
        return blocks(page, "footer", l -> l.middle() > 1 - ZONE);
    }

    /** The first {@code lines} lines of a page read whole, as a reader of the page sees its top. */
    public static List<TextBlock> top(ScannedText page, int lines) {
        List<TextBlock> all = body(page);
        return page.whole() ? all.subList(0, Math.min(lines, all.size())) : List.of();
    }

    /** The page as a place read by OCR. */
    public static Location where(int page) {
        return Location.page(page).withOcr(Ocr.PAGE);
    }

    /** The page's running slot from OCR, added to what the file's own text gave it ({@code known}, may be null). */
    public static RunningSlot slot(ScannedText page, RunningSlot known) {
        List<TextBlock> header = new ArrayList<>(known == null ? List.of() : known.header());
        header.addAll(header(page));
        List<TextBlock> footer = new ArrayList<>(known == null ? List.of() : known.footer());
        footer.addAll(footer(page));
        return new RunningSlot(page.page(), SlotType.PAGE, header, footer,
                known == null ? List.of() : known.watermarks(), where(page.page()));
    }

    private static List<TextBlock> blocks(ScannedText page, String part, Predicate<OcrLine> in) {
        List<TextBlock> out = new ArrayList<>();
        for (OcrLine l : page.lines()) {
            if (in.test(l)) {
                Location at = new Location(part, 0, page.page(), out.size() + 1, 0, 0).withOcr(new Ocr(l.confidence()));
                out.add(new TextBlock(l.text(), at));
            }
        }
        return out;
    }
}
