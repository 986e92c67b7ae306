package dev.marking.core.format.ooxml;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What an Office Open XML package carries beside its text: custom XML data parts ({@code custom-xml}, with
 * their text; empty ones such as Word's bibliography stub are left out), properties that name people or
 * organisations ({@code property}: creator, last modified by, company) and embedded objects
 * ({@code embedded-object}: the parts under the application's {@code embeddings/} folder, by name).
 */
public final class OoxmlPackageItems {

    private static final Pattern CUSTOM_XML = Pattern.compile("/customXml/item\\d+\\.xml");

    private OoxmlPackageItems() {
    }

    /** The items of {@code doc}, whose embedded objects are under {@code /<folder>/embeddings/} ({@code word}, {@code xl}). */
    public static List<HiddenItem> scan(POIXMLDocument doc, String folder) {
        POIXMLProperties props = doc.getProperties();
        return scan(doc.getPackage(), folder, props.getCoreProperties().getCreator(),
                props.getCoreProperties().getLastModifiedByUser(), props.getExtendedProperties().getCompany());
    }

    /**
     * The same items of a package whose properties were read some other way (a streamed read of the parts):
     * the people and organisation named (null: absent), custom XML data and embedded objects.
     */
    public static List<HiddenItem> scan(OPCPackage pkg, String folder, String creator, String lastModifiedBy,
            String company) {
        Pattern embeddings = Pattern.compile("/" + Pattern.quote(folder) + "/embeddings/.*");
        List<HiddenItem> out = new ArrayList<>();
        add("core.creator", creator, out);
        add("core.lastModifiedBy", lastModifiedBy, out);
        add("app.company", company, out);
        try {
            for (PackagePart part : pkg.getPartsByName(CUSTOM_XML)) {
                String text = xmlText(part);
                if (!text.isEmpty()) {
                    out.add(new HiddenItem(HiddenKind.CUSTOM_XML, text,
                            Location.part("custom-xml:" + part.getPartName().getName())));
                }
            }
            for (PackagePart part : pkg.getPartsByName(embeddings)) {
                String name = part.getPartName().getName();
                out.add(new HiddenItem(HiddenKind.EMBEDDED_OBJECT, name.substring(name.lastIndexOf('/') + 1),
                        Location.part("embedded-object")));
            }
        } catch (RuntimeException e) {
            return out; // a damaged package list: what was found stands
        }
        return out;
    }

    private static void add(String key, String value, List<HiddenItem> out) {
        String v = value == null ? "" : value.strip();
        if (!v.isEmpty()) {
            out.add(new HiddenItem(HiddenKind.PROPERTY, v, Location.part("property:" + key)));
        }
    }

    /** Appends the text nodes under {@code n}, each followed by a space (values of separate elements stay apart). */
    private static void texts(Node n, StringBuilder sb) {
        for (Node c = n == null ? null : n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue()).append(' ');
            } else {
                texts(c, sb);
            }
        }
    }

    /** The text content of an XML part, whitespace squeezed; empty when it has none or is not XML. */
    private static String xmlText(PackagePart part) {
        try (InputStream in = part.getInputStream()) {
            DocumentBuilder b = DocumentHelper.newDocumentBuilder();
            Element root = b.parse(in).getDocumentElement();
            StringBuilder sb = new StringBuilder();
            texts(root, sb);
            return sb.toString().replaceAll("\\s+", " ").strip();
        } catch (IOException | SAXException | RuntimeException e) {
            return "";
        }
    }
}
