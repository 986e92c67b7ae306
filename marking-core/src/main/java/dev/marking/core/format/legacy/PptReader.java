package dev.marking.core.format.legacy;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.hslf.model.HeadersFooters;
import org.apache.poi.hslf.usermodel.HSLFComment;
import org.apache.poi.hslf.usermodel.HSLFGroupShape;
import org.apache.poi.hslf.usermodel.HSLFMasterSheet;
import org.apache.poi.hslf.usermodel.HSLFNotes;
import org.apache.poi.hslf.usermodel.HSLFObjectData;
import org.apache.poi.hslf.usermodel.HSLFShape;
import org.apache.poi.hslf.usermodel.HSLFSheet;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTable;
import org.apache.poi.hslf.usermodel.HSLFTableCell;
import org.apache.poi.hslf.usermodel.HSLFTextShape;

/**
 * Turns a PowerPoint 97–2003 presentation into a {@link ReadModel}: the text of every slide at
 * {@code slide N}, the running text each slide shows (its master's own text shapes, the footer), speaker
 * notes (read as text of the slide and reported as hidden), comments, hidden slides and embedded objects.
 */
final class PptReader {

    static final int FIRST_PAGE_LINES = 6;
    private static final Pattern LINES = Pattern.compile("[\\r\\n\\u000b]+");

    private final HSLFSlideShow show;
    private final List<TextBlock> body = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();

    private PptReader(HSLFSlideShow show) {
        this.show = show;
    }

    static ReadModel read(Path path, String format, HSLFSlideShow show) {
        return new PptReader(show).model(path, format);
    }

    private ReadModel model(Path path, String format) {
        List<TextBlock> top = new ArrayList<>();
        List<RunningSlot> slots = new ArrayList<>();
        for (HSLFSlide slide : show.getSlides()) {
            Interruption.check();
            int n = slide.getSlideNumber();
            List<TextBlock> own = lines(slide, Location.slide(n), false);
            if (top.isEmpty()) {
                own.stream().limit(FIRST_PAGE_LINES).forEach(top::add);
            }
            body.addAll(own);
            if (slide.isHidden()) {
                HiddenItem.joined(HiddenKind.HIDDEN_TEXT, own, Location.slide(n).withPart("hidden-slide"))
                        .ifPresent(hidden::add);
            }
            slots.add(new RunningSlot(n, SlotType.SLIDE, master(slide, n), footer(slide, n), List.of()));
            notes(slide, n);
            for (HSLFComment c : slide.getComments()) {
                String text = c.getText() == null ? "" : c.getText().strip();
                hidden.add(new HiddenItem(HiddenKind.COMMENT, text, Location.slide(n).withPart("comment")));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        OleFiles.summary(show, properties, hidden);
        HSLFObjectData[] objects = show.getEmbeddedObjects();
        for (int i = 0; i < objects.length; i++) {
            hidden.add(new HiddenItem(HiddenKind.EMBEDDED_OBJECT, "OLE object " + (i + 1), Location.part("embedded-object")));
        }
        return new ReadModel(path, format, Unit.SLIDE, top, body, slots, properties, hidden);
    }

    /** Lines of the text shapes on {@code sheet} (tables and groups included), numbered 1, 2, … from {@code at}. */
    private static List<TextBlock> lines(HSLFSheet sheet, Location at, boolean skipPlaceholders) {
        List<TextBlock> out = new ArrayList<>();
        shapes(sheet.getShapes(), at, skipPlaceholders, out);
        return out;
    }

    private static void shapes(List<HSLFShape> shapes, Location at, boolean skipPlaceholders, List<TextBlock> out) {
        for (HSLFShape s : shapes) {
            Interruption.check();
            if (s instanceof HSLFTable table) {
                for (int r = 0; r < table.getNumberOfRows(); r++) {
                    for (int c = 0; c < table.getNumberOfColumns(); c++) {
                        HSLFTableCell cell = table.getCell(r, c);
                        if (cell != null) {
                            text(cell.getText(), at, out);
                        }
                    }
                }
            } else if (s instanceof HSLFGroupShape group) {
                shapes(group.getShapes(), at, skipPlaceholders, out);
            } else if (s instanceof HSLFTextShape text && !(skipPlaceholders && text.isPlaceholder())) {
                text(text.getText(), at, out);
            }
        }
    }

    private static void text(String text, Location at, List<TextBlock> out) {
        if (text == null) {
            return;
        }
        for (String line : LINES.split(text)) {
            String t = line.replace('\t', ' ').strip();
            if (!t.isEmpty()) {
                out.add(new TextBlock(t, at.withParagraph(out.size() + 1)));
            }
        }
    }

    /** What the master shows on the slide besides placeholders: text a user put there for every slide. */
    private static List<TextBlock> master(HSLFSlide slide, int n) {
        HSLFMasterSheet master = slide.getMasterSheet();
        if (master == null || !slide.getFollowMasterObjects()) {
            return List.of();
        }
        return lines(master, Location.slide(n).withPart("master"), true);
    }

    private static List<TextBlock> footer(HSLFSlide slide, int n) {
        HeadersFooters hf = slide.getHeadersFooters();
        String text = hf == null || !hf.isFooterVisible() ? null : hf.getFooterText();
        return text == null || text.isBlank() ? List.of()
                : List.of(new TextBlock(text.strip(), Location.slide(n).withPart("footer").withParagraph(1)));
    }

    /** Speaker notes: text of the slide the content rules read, and hidden content (not shown in the show). */
    private void notes(HSLFSlide slide, int n) {
        HSLFNotes notes = slide.getNotes();
        if (notes == null) {
            return;
        }
        List<TextBlock> lines = new ArrayList<>();
        for (HSLFShape s : notes.getShapes()) {
            if (s instanceof HSLFTextShape t) {
                text(t.getText(), Location.slide(n).withPart("notes"), lines);
            }
        }
        body.addAll(lines);
        HiddenItem.joined(HiddenKind.NOTES, lines, Location.slide(n).withPart("notes")).ifPresent(hidden::add);
    }
}
