package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns an ODF presentation into a {@link ReadModel}: the text of every slide at {@code slide N}, the text
 * its master page puts on it (placeholders excluded) and its footer as running text, speaker notes (read as
 * the slide's text and reported as hidden), comments, hidden slides, alt texts and {@code meta.xml}.
 */
final class OdpReader {

    static final int FIRST_PAGE_LINES = 6;

    private final OdfPackage pkg;
    private final List<TextBlock> body = new ArrayList<>();
    private final List<TextBlock> top = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();
    private final List<RunningSlot> slots = new ArrayList<>();
    private final Map<String, String> footers = new HashMap<>();
    private Map<String, StylesPart.MasterPage> masters;
    private Map<String, String> mediaTypes;
    private int slide;

    private OdpReader(OdfPackage pkg) {
        this.pkg = pkg;
    }

    static ReadModel read(OdfPackage pkg, String format) throws DocumentException {
        return new OdpReader(pkg).model(format);
    }

    private ReadModel model(String format) throws DocumentException {
        mediaTypes = pkg.mediaTypes();
        StylesPart styles = StylesPart.read(pkg);
        masters = new LinkedHashMap<>();
        styles.masterPages().forEach(m -> masters.put(m.name(), m));
        ContentPart.read(pkg, styles, this::body);
        Map<String, String> properties = new LinkedHashMap<>();
        OdfMeta.read(pkg, properties, hidden);
        return new ReadModel(pkg.file(), format, Unit.SLIDE, top, body, slots, properties, hidden);
    }

    private void body(XMLStreamReader r, OdfStyles styles) throws XMLStreamException {
        OdfText text = new OdfText(styles);
        OdfText.walk(r, e -> {
            if (OdfText.is(e, OdfXml.PRESENTATION, "footer-decl")) {
                footers.put(e.getAttributeValue(OdfXml.PRESENTATION, "name"), e.getElementText().strip());
            } else if (OdfText.is(e, OdfXml.DRAW, "page")) {
                page(e, styles, text);
            } else {
                return false;
            }
            return true;
        });
    }

    private void page(XMLStreamReader r, OdfStyles styles, OdfText text) throws XMLStreamException {
        int n = ++slide;
        boolean hiddenSlide = styles.hidesPage(r.getAttributeValue(OdfXml.DRAW, "style-name"));
        StylesPart.MasterPage master = masters.get(r.getAttributeValue(OdfXml.DRAW, "master-page-name"));
        String footer = footers.get(r.getAttributeValue(OdfXml.PRESENTATION, "use-footer-name"));
        List<TextBlock> own = new ArrayList<>();
        List<TextBlock> notes = new ArrayList<>();
        OdfText.walk(r, e -> {
            if (OdfText.isParagraph(e)) {
                add(text.paragraph(e), Location.slide(n), own);
            } else if (OdfText.is(e, OdfXml.PRESENTATION, "notes")) {
                for (OdfText.Paragraph p : text.container(e, null)) {
                    add(p, Location.slide(n).withPart("notes"), notes);
                }
            } else if (OdfText.is(e, OdfXml.OFFICE, "annotation") || OdfText.is(e, OdfXml.OFFICEOOO, "annotation")) {
                hidden.add(new HiddenItem(HiddenKind.COMMENT, OdfText.joined(text.container(e, null)),
                        Location.slide(n).withPart("comment")));
            } else if (OdfText.is(e, OdfXml.SVG, "title") || OdfText.is(e, OdfXml.SVG, "desc")) {
                String alt = e.getElementText().strip();
                if (!alt.isEmpty()) {
                    hidden.add(new HiddenItem(HiddenKind.ALT_TEXT, alt, Location.slide(n)));
                }
            } else if (OdfText.is(e, OdfXml.OFFICE, "forms")) {
                OdfText.skip(e);
            } else {
                if (OdfText.is(e, OdfXml.DRAW, "object") || OdfText.is(e, OdfXml.DRAW, "object-ole")) {
                    OdtReader.embedded(hidden, mediaTypes, e.getAttributeValue(OdfXml.XLINK, "href"),
                            Location.slide(n));
                }
                return false;
            }
            return true;
        });
        if (top.isEmpty()) {
            own.stream().limit(FIRST_PAGE_LINES).forEach(top::add);
        }
        body.addAll(own);
        body.addAll(notes);
        if (hiddenSlide) {
            HiddenItem.joined(HiddenKind.HIDDEN_TEXT, own, Location.slide(n).withPart("hidden-slide")).ifPresent(hidden::add);
        }
        HiddenItem.joined(HiddenKind.NOTES, notes, Location.slide(n).withPart("notes")).ifPresent(hidden::add);
        slots.add(new RunningSlot(n, SlotType.SLIDE, masterText(master, n), footer(footer, n), watermarks(master)));
    }

    private static void add(OdfText.Paragraph p, Location at, List<TextBlock> out) {
        if (!p.text().isEmpty()) {
            out.add(new TextBlock(p.text(), at.withParagraph(out.size() + 1)));
        }
        p.watermarks().forEach(w -> out.add(new TextBlock(w, at.withParagraph(out.size() + 1))));
        for (OdfText.Paragraph inner : p.nested()) {
            add(inner, at, out);
        }
    }

    private static List<TextBlock> masterText(StylesPart.MasterPage master, int n) {
        List<TextBlock> out = new ArrayList<>();
        if (master != null) {
            master.shapes().forEach(p -> add(p, Location.slide(n).withPart("master"), out));
        }
        return out;
    }

    private static List<String> watermarks(StylesPart.MasterPage master) {
        List<String> out = new ArrayList<>();
        if (master != null) {
            master.shapes().forEach(p -> out.addAll(p.watermarks()));
        }
        return out;
    }

    private static List<TextBlock> footer(String text, int n) {
        return text == null || text.isEmpty() ? List.of()
                : List.of(new TextBlock(text, Location.slide(n).withPart("footer").withParagraph(1)));
    }
}
