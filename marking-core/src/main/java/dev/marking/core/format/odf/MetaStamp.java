package dev.marking.core.format.odf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Our metadata in {@code meta.xml}: one {@code meta:user-defined} field per {@code marking.*} key (DESIGN §3.4),
 * replacing the ones an earlier stamp wrote; the user's own fields stay.
 */
final class MetaStamp {

    private static final String OURS = "marking.";

    private MetaStamp() {
    }

    /** A new, empty {@code meta.xml} for a package that had none. */
    static Document empty() throws IOException {
        return OdfDom.parse(new ByteArrayInputStream(("<office:document-meta xmlns:office=\"" + OdfXml.OFFICE
                + "\" xmlns:meta=\"" + OdfXml.META + "\" office:version=\"1.2\"><office:meta/></office:document-meta>")
                .getBytes(StandardCharsets.UTF_8)));
    }

    static void stamp(Document meta, Map<String, String> metadata) {
        Element root = meta.getDocumentElement();
        Element office = OdfDom.children(root, OdfXml.OFFICE, "meta").stream().findFirst().orElseGet(() -> {
            Element e = meta.createElementNS(OdfXml.OFFICE, "office:meta");
            root.appendChild(e);
            return e;
        });
        for (Element field : List.copyOf(OdfDom.children(office, OdfXml.META, "user-defined"))) {
            String name = OdfDom.attr(field, OdfXml.META, "name");
            if (name != null && name.startsWith(OURS)) {
                office.removeChild(field);
            }
        }
        metadata.forEach((k, v) -> {
            Element field = meta.createElementNS(OdfXml.META, "meta:user-defined");
            field.setAttributeNS(OdfXml.META, "meta:name", k);
            field.setAttributeNS(OdfXml.META, "meta:value-type", "string");
            field.setTextContent(v);
            office.appendChild(field);
        });
    }

    /** {@code manifest} with an entry for a {@code meta.xml} we add. */
    static Document withMeta(Document manifest) {
        Element entry = manifest.createElementNS(OdfXml.MANIFEST, "manifest:file-entry");
        entry.setAttributeNS(OdfXml.MANIFEST, "manifest:full-path", "meta.xml");
        entry.setAttributeNS(OdfXml.MANIFEST, "manifest:media-type", "text/xml");
        manifest.getDocumentElement().appendChild(entry);
        return manifest;
    }
}
