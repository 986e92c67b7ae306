package dev.marking.core.format.odf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the readers need from an ODF document's styles: which text styles hide text
 * ({@code text:display="none"}), which table styles hide a sheet ({@code table:display="false"}), which
 * drawing-page styles hide a slide, and the master page a paragraph or table style starts.
 */
final class OdfStyles {

    private final OdfStyles parent;
    private final Set<String> hiddenText = new HashSet<>();
    private final Set<String> hiddenTables = new HashSet<>();
    private final Set<String> hiddenPages = new HashSet<>();
    private final Map<String, String> masterPages = new HashMap<>();

    /** Styles of {@code styles.xml}: common and automatic styles of master pages. */
    OdfStyles() {
        this(null);
    }

    /** Automatic styles of {@code content.xml}, falling back to {@code parent} (the common styles) by name. */
    OdfStyles(OdfStyles parent) {
        this.parent = parent;
    }

    /** Reads one {@code style:style} element (the reader is at its start) up to its end. */
    void read(XMLStreamReader r) throws XMLStreamException {
        String name = r.getAttributeValue(OdfXml.STYLE, "name");
        String master = r.getAttributeValue(OdfXml.STYLE, "master-page-name");
        if (name != null && master != null && !master.isEmpty()) {
            masterPages.put(name, master);
        }
        OdfText.walk(r, e -> {
            if ("none".equals(e.getAttributeValue(OdfXml.TEXT, "display"))) {
                hiddenText.add(name);
            }
            if ("false".equals(e.getAttributeValue(OdfXml.TABLE, "display"))) {
                hiddenTables.add(name);
            }
            if ("hidden".equals(e.getAttributeValue(OdfXml.PRESENTATION, "visibility"))) {
                hiddenPages.add(name);
            }
            return false;
        });
    }

    boolean hidesText(String style) {
        return style != null && (hiddenText.contains(style) || parent != null && parent.hidesText(style));
    }

    boolean hidesTable(String style) {
        return style != null && (hiddenTables.contains(style) || parent != null && parent.hidesTable(style));
    }

    boolean hidesPage(String style) {
        return style != null && (hiddenPages.contains(style) || parent != null && parent.hidesPage(style));
    }

    /** The master page a paragraph or table with {@code style} starts, if it starts one. */
    Optional<String> masterPage(String style) {
        if (style == null) {
            return Optional.empty();
        }
        String own = masterPages.get(style);
        return own != null || parent == null ? Optional.ofNullable(own) : parent.masterPage(style);
    }

    /** True at the start of a {@code style:style} element. */
    static boolean isStyle(XMLStreamReader r) {
        return r.getEventType() == XMLStreamConstants.START_ELEMENT && OdfXml.STYLE.equals(r.getNamespaceURI())
                && "style".equals(r.getLocalName());
    }
}
