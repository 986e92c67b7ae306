package dev.marking.core.format.ofd;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * DESIGN §3.4 metadata in an OFD: {@code OFD.xml}'s {@code DocInfo} fields and its {@code CustomDatas},
 * where our {@code marking.*} keys live as {@code <CustomData Name="marking.level">机密</CustomData>}.
 */
final class OfdMetadata {

    static final String PREFIX = "marking.";
    /** DocInfo fields that name people or tools, reported as hidden metadata like PDF's Author/Creator. */
    private static final List<String> NAMING = List.of("Author", "Creator");

    private OfdMetadata() {
    }

    /** DocInfo's simple fields by name, keywords joined, then every CustomData by its Name. */
    static Map<String, String> read(Optional<Element> docInfo) {
        Map<String, String> out = new LinkedHashMap<>();
        if (docInfo.isEmpty()) {
            return out;
        }
        for (Element e : OfdXml.elements(docInfo.get())) {
            String name = OfdXml.localName(e);
            if (name.equals("CustomDatas")) {
                for (Element d : OfdXml.children(e, "CustomData")) {
                    OfdXml.attr(d, "Name").ifPresent(n -> out.put(n, d.getTextContent().strip()));
                }
            } else if (name.equals("Keywords")) {
                List<String> words = OfdXml.children(e, "Keyword").stream().map(k -> k.getTextContent().strip()).toList();
                out.put(name, String.join("; ", words));
            } else if (OfdXml.elements(e).isEmpty() && !e.getTextContent().isBlank()) {
                out.put(name, e.getTextContent().strip());
            }
        }
        return out;
    }

    /** Metadata a reader does not see: authors and tools, and CustomData that is not ours. */
    static List<HiddenItem> hidden(Map<String, String> properties, Optional<Element> docInfo) {
        List<HiddenItem> out = new ArrayList<>();
        for (String key : NAMING) {
            String v = properties.getOrDefault(key, "").strip();
            if (!v.isEmpty()) {
                out.add(new HiddenItem(HiddenKind.PROPERTY, v, Location.part("metadata:" + key)));
            }
        }
        docInfo.flatMap(i -> OfdXml.child(i, "CustomDatas")).ifPresent(c -> {
            for (Element d : OfdXml.children(c, "CustomData")) {
                String name = d.getAttribute("Name");
                String v = d.getTextContent().strip();
                if (!name.startsWith(PREFIX) && !v.isEmpty()) {
                    out.add(new HiddenItem(HiddenKind.PROPERTY, name + "=" + v, Location.part("metadata:" + name)));
                }
            }
        });
        return out;
    }

    /** Replaces our CustomData entries with {@code values} (empty: removes them), creating DocInfo as needed. */
    static void write(OfdDocument doc, Map<String, String> values) {
        Element info = doc.docInfo().orElseGet(() -> {
            Element created = OfdXml.create(doc.docBody, "DocInfo");
            doc.docBody.insertBefore(created, doc.docBody.getFirstChild());
            return created;
        });
        Optional<Element> existing = OfdXml.child(info, "CustomDatas");
        existing.ifPresent(c -> OfdXml.children(c, "CustomData").stream()
                .filter(d -> d.getAttribute("Name").startsWith(PREFIX)).forEach(c::removeChild));
        if (values.isEmpty()) {
            existing.filter(c -> OfdXml.elements(c).isEmpty()).ifPresent(info::removeChild);
            return;
        }
        Element datas = existing.orElseGet(() -> (Element) info.appendChild(OfdXml.create(info, "CustomDatas")));
        values.forEach((k, v) -> {
            Element d = OfdXml.create(info, "CustomData");
            d.setAttribute("Name", k);
            d.setTextContent(v);
            datas.appendChild(d);
        });
    }
}
