package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns an ODF text document into a {@link ReadModel}: body paragraphs in reading order (tables, lists,
 * frames and text boxes included), footnotes, the header and footer variants of every master page the
 * document uses (default, left = even, first), comments, hidden text and sections, unaccepted deletions,
 * alt texts, embedded objects and {@code meta.xml}. Streams {@code content.xml}: a 1,000-page document is
 * never held as a tree.
 */
final class OdtReader {

    static final int FIRST_PAGE_LINES = 6;
    /** The master page of pages no paragraph style names one. */
    static final String DEFAULT_MASTER = "Standard";

    private final OdfPackage pkg;
    private final List<TextBlock> body = new ArrayList<>();
    private final List<TextBlock> notes = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();
    private final Set<String> usedStyles = new LinkedHashSet<>();
    private Map<String, String> mediaTypes;
    private String firstStyle;
    private int index;

    private OdtReader(OdfPackage pkg) {
        this.pkg = pkg;
    }

    static ReadModel read(OdfPackage pkg, String format) throws DocumentException {
        return new OdtReader(pkg).model(format);
    }

    private ReadModel model(String format) throws DocumentException {
        mediaTypes = pkg.mediaTypes();
        StylesPart styles = StylesPart.read(pkg);
        OdfStyles content = ContentPart.read(pkg, styles, this::body);
        List<TextBlock> top = List.copyOf(body.subList(0, Math.min(FIRST_PAGE_LINES, body.size())));
        List<TextBlock> blocks = new ArrayList<>(body);
        blocks.addAll(notes);
        List<RunningSlot> slots = slots(styles, content);
        Map<String, String> properties = new LinkedHashMap<>();
        OdfMeta.read(pkg, properties, hidden);
        return new ReadModel(pkg.file(), format, Unit.SECTION, top, blocks, slots, properties, hidden);
    }

    private void body(XMLStreamReader r, OdfStyles styles) throws XMLStreamException {
        OdfText text = new OdfText(styles);
        Deque<Integer> hiddenSections = new ArrayDeque<>();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                if (!hiddenSections.isEmpty() && hiddenSections.peek() == depth) {
                    hiddenSections.pop();
                }
                depth--;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                if (OdfText.isParagraph(r)) {
                    Interruption.check();
                    OdfText.Paragraph p = text.paragraph(r);
                    used(p.style());
                    paragraph(p, !hiddenSections.isEmpty());
                } else if (OdfText.is(r, OdfXml.TEXT, "tracked-changes")) {
                    deletions(r, text);
                } else if (OdfText.is(r, OdfXml.OFFICE, "forms")) {
                    OdfText.skip(r);
                } else {
                    depth++;
                    element(r, depth, hiddenSections);
                }
            }
        }
    }

    /** Containers the walk descends into: hidden sections, tables (their style may start a page), objects. */
    private void element(XMLStreamReader r, int depth, Deque<Integer> hiddenSections) {
        if (OdfText.is(r, OdfXml.TEXT, "section") && ("none".equals(r.getAttributeValue(OdfXml.TEXT, "display"))
                || r.getAttributeValue(OdfXml.TEXT, "condition") != null)) {
            hiddenSections.push(depth);
        } else if (OdfText.is(r, OdfXml.TABLE, "table")) {
            used(r.getAttributeValue(OdfXml.TABLE, "style-name"));
        } else if (OdfText.is(r, OdfXml.DRAW, "object") || OdfText.is(r, OdfXml.DRAW, "object-ole")) {
            embedded(hidden, mediaTypes, r.getAttributeValue(OdfXml.XLINK, "href"),
                    Location.body(index));
        }
    }

    private void used(String style) {
        if (style != null) {
            if (firstStyle == null) {
                firstStyle = style;
            }
            usedStyles.add(style);
        }
    }

    private void paragraph(OdfText.Paragraph p, boolean inHiddenSection) {
        index++;
        Location at = Location.body(index);
        if (inHiddenSection) {
            String all = (p.text() + " " + p.hidden()).strip();
            if (!all.isEmpty()) {
                hidden.add(new HiddenItem(HiddenKind.HIDDEN_TEXT, all, at.withPart("hidden-section")));
            }
        } else {
            if (!p.text().isEmpty()) {
                body.add(new TextBlock(p.text(), at));
            }
            if (!p.hidden().isEmpty()) {
                hidden.add(new HiddenItem(HiddenKind.HIDDEN_TEXT, p.hidden(), at));
            }
        }
        for (String note : p.notes()) {
            if (!note.isEmpty()) {
                notes.add(new TextBlock(note, new Location("footnotes", 0, 0, notes.size() + 1, 0, 0)));
            }
        }
        p.comments().forEach(c -> hidden.add(new HiddenItem(HiddenKind.COMMENT, c, at.withPart("comment"))));
        p.altTexts().forEach(a -> hidden.add(new HiddenItem(HiddenKind.ALT_TEXT, a, at)));
        p.watermarks().forEach(w -> body.add(new TextBlock(w, at)));
        for (OdfText.Paragraph inner : p.nested()) {
            paragraph(inner, inHiddenSection);
        }
    }

    /** Tracked changes not accepted: the text of each deletion. */
    private void deletions(XMLStreamReader r, OdfText text) throws XMLStreamException {
        OdfText.walk(r, e -> {
            if (!OdfText.is(e, OdfXml.TEXT, "deletion")) {
                return false;
            }
            String t = OdfText.joined(text.container(e, null));
            if (!t.isEmpty()) {
                hidden.add(new HiddenItem(HiddenKind.DELETION, t, Location.part("tracked-changes")));
            }
            return true;
        });
    }

    /** The running text of every master page the document uses, one slot per variant shown. */
    private List<RunningSlot> slots(StylesPart styles, OdfStyles content) {
        Map<String, StylesPart.MasterPage> byName = new LinkedHashMap<>();
        styles.masterPages().forEach(m -> byName.put(m.name(), m));
        if (byName.isEmpty()) {
            return List.of();
        }
        Set<String> used = new LinkedHashSet<>();
        String first = content.masterPage(firstStyle).orElse(byName.containsKey(DEFAULT_MASTER) ? DEFAULT_MASTER
                : byName.keySet().iterator().next());
        used.add(first);
        usedStyles.forEach(s -> content.masterPage(s).ifPresent(used::add));
        List<String> queue = new ArrayList<>(used);
        for (int i = 0; i < queue.size(); i++) {
            StylesPart.MasterPage m = byName.get(queue.get(i));
            if (m != null && m.next() != null && used.add(m.next())) {
                queue.add(m.next());
            }
        }
        List<RunningSlot> slots = new ArrayList<>();
        int unit = 0;
        for (String name : used) {
            StylesPart.MasterPage m = byName.get(name);
            if (m != null) {
                unit++;
                slots.addAll(OdfSlots.of(m, unit, hidden));
            }
        }
        return slots;
    }

    /** An embedded object that is not a chart: its content is not checked. */
    static void embedded(List<HiddenItem> hidden, Map<String, String> mediaTypes, String href, Location at) {
        if (href == null) {
            return;
        }
        String path = href.startsWith("./") ? href.substring(2) : href;
        String type = mediaTypes.getOrDefault(path.endsWith("/") ? path : path + "/", mediaTypes.getOrDefault(path, ""));
        if (!type.contains("chart")) {
            hidden.add(new HiddenItem(HiddenKind.EMBEDDED_OBJECT, path, at.withPart("embedded-object")));
        }
    }
}
