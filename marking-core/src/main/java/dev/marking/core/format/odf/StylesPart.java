package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.SlotType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What {@code styles.xml} says, read with StAX: the styles ({@link OdfStyles}) and the master pages with
 * their headers and footers (text documents, spreadsheets) or the text shapes they put on every slide.
 */
final class StylesPart {

    /**
     * One master page (page style).
     *
     * @param name    {@code style:name}
     * @param next    the master page of the following page ({@code style:next-style-name}), or null
     * @param headers header paragraphs by variant: {@code style:header} DEFAULT, {@code -left} EVEN, {@code -first} FIRST
     * @param footers footer paragraphs by variant
     * @param shapes  paragraphs of the page's own text shapes (presentations; placeholders excluded)
     */
    record MasterPage(String name, String next, Map<SlotType, List<OdfText.Paragraph>> headers,
            Map<SlotType, List<OdfText.Paragraph>> footers, List<OdfText.Paragraph> shapes) {
    }

    private final OdfStyles styles = new OdfStyles();
    private final List<MasterPage> masterPages = new ArrayList<>();

    static StylesPart read(OdfPackage pkg) throws DocumentException {
        StylesPart part = new StylesPart();
        if (!pkg.has("styles.xml")) {
            return part;
        }
        try (InputStream in = pkg.open("styles.xml")) {
            XMLStreamReader r = OdfXml.input().createXMLStreamReader(in);
            try {
                part.read(r);
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw pkg.unreadable("styles.xml is damaged: " + e.getMessage(), e);
        }
        return part;
    }

    OdfStyles styles() {
        return styles;
    }

    List<MasterPage> masterPages() {
        return masterPages;
    }

    private void read(XMLStreamReader r) throws XMLStreamException {
        OdfText text = new OdfText(styles);
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (OdfStyles.isStyle(r)) {
                styles.read(r);
            } else if (OdfText.is(r, OdfXml.STYLE, "master-page")) {
                masterPages.add(masterPage(r, text));
            }
        }
    }

    private static MasterPage masterPage(XMLStreamReader r, OdfText text) throws XMLStreamException {
        String name = r.getAttributeValue(OdfXml.STYLE, "name");
        String next = r.getAttributeValue(OdfXml.STYLE, "next-style-name");
        Map<SlotType, List<OdfText.Paragraph>> headers = new EnumMap<>(SlotType.class);
        Map<SlotType, List<OdfText.Paragraph>> footers = new EnumMap<>(SlotType.class);
        List<OdfText.Paragraph> shapes = new ArrayList<>();
        OdfText.walk(r, e -> {
            String local = e.getLocalName();
            boolean running = OdfXml.STYLE.equals(e.getNamespaceURI())
                    && (local.startsWith("header") || local.startsWith("footer")) && !local.endsWith("-style");
            if (running) {
                boolean shown = !"false".equals(e.getAttributeValue(OdfXml.STYLE, "display"));
                SlotType type = local.endsWith("-left") ? SlotType.EVEN
                        : local.endsWith("-first") ? SlotType.FIRST : SlotType.DEFAULT;
                List<OdfText.Paragraph> paragraphs = text.container(e, null);
                if (shown || type == SlotType.DEFAULT) {
                    (local.startsWith("header") ? headers : footers).put(type, shown ? paragraphs : List.of());
                }
            } else if (e.getAttributeValue(OdfXml.PRESENTATION, "class") != null) {
                OdfText.skip(e); // a placeholder: its text is the prompt, not the slide's
            } else if (OdfText.isParagraph(e)) {
                shapes.add(text.paragraph(e));
            } else {
                return false;
            }
            return true;
        });
        return new MasterPage(name, next, headers, footers, shapes);
    }
}
