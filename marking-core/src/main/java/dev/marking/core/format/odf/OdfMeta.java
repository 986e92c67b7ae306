package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@code meta.xml}: user-defined fields ({@code meta:user-defined}, where our {@code marking.*} keys live) by
 * name, and the people and organisation it names under the keys the DOCX reader uses.
 */
final class OdfMeta {

    private OdfMeta() {
    }

    static void read(OdfPackage pkg, Map<String, String> properties, List<HiddenItem> hidden) throws DocumentException {
        if (!pkg.has("meta.xml")) {
            return;
        }
        try (InputStream in = pkg.open("meta.xml")) {
            XMLStreamReader r = OdfXml.input().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        element(r, properties);
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw pkg.unreadable("meta.xml is damaged: " + e.getMessage(), e);
        }
        property(properties, hidden, "core.creator", "core.creator");
        property(properties, hidden, "core.lastModifiedBy", "core.lastModifiedBy");
    }

    private static void element(XMLStreamReader r, Map<String, String> properties) throws XMLStreamException {
        String ns = r.getNamespaceURI();
        String local = r.getLocalName();
        if (OdfXml.META.equals(ns) && "user-defined".equals(local)) {
            String name = r.getAttributeValue(OdfXml.META, "name");
            String value = r.getElementText().strip();
            if (name != null && !name.isBlank()) {
                properties.put(name.strip(), value);
            }
        } else if (OdfXml.META.equals(ns) && "initial-creator".equals(local)) {
            put(properties, "core.creator", r.getElementText());
        } else if (OdfXml.DC.equals(ns) && "creator".equals(local)) {
            put(properties, "core.lastModifiedBy", r.getElementText());
        } else if (OdfXml.DC.equals(ns) && "title".equals(local)) {
            put(properties, "core.title", r.getElementText());
        }
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value.strip());
        }
    }

    private static void property(Map<String, String> properties, List<HiddenItem> hidden, String key, String part) {
        String v = properties.get(key);
        if (v != null) {
            hidden.add(new HiddenItem(HiddenKind.PROPERTY, v, Location.part("property:" + part)));
        }
    }
}
