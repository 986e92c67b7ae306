package dev.marking.core.format.docx;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.ooxml.OoxmlPackageItems;
import dev.marking.core.format.ooxml.OoxmlProperties;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The package's properties the reader reports: every custom property (name → text, in order) and the core
 * and extended properties that name people or organisations, read from the parts directly (streaming, no
 * XMLBeans); they give the same values as POI's model ({@code DocxStreamReaderTest}).
 *
 * @param custom         custom properties in document order
 * @param creator        {@code dc:creator}, or null
 * @param lastModifiedBy {@code cp:lastModifiedBy}, or null
 * @param company        the extended properties' {@code Company}, or null
 */
record PackageProperties(Map<String, String> custom, String creator, String lastModifiedBy, String company) {

    private static final String EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";

    /** The properties as the read model carries them ({@link OoxmlProperties#read(Map, String, String, String)}). */
    Map<String, String> map() {
        return OoxmlProperties.read(custom, creator, lastModifiedBy, company);
    }

    /** The package's hidden items: these properties' people, custom XML data and embedded objects. */
    List<HiddenItem> items(OPCPackage pkg) {
        return OoxmlPackageItems.scan(pkg, "word", creator, lastModifiedBy, company);
    }

    /** The properties read from {@code pkg}'s parts, as POI finds them (one relationship of each kind). */
    static PackageProperties read(OPCPackage pkg) throws IOException, XMLStreamException, InvalidFormatException {
        Map<String, String> custom = new LinkedHashMap<>();
        Optional<Element> customRoot = root(pkg, PackageRelationshipTypes.CUSTOM_PROPERTIES);
        if (customRoot.isPresent()) {
            for (Element p : Wml.children(customRoot.get())) {
                if ("property".equals(p.getLocalName()) && p.hasAttribute("name")) {
                    custom.put(p.getAttribute("name"), text(p).strip());
                }
            }
        }
        String company = null;
        Optional<Element> extended = root(pkg, PackageRelationshipTypes.EXTENDED_PROPERTIES);
        if (extended.isPresent()) {
            company = Wml.child(extended.get(), EXTENDED, "Company").map(PackageProperties::text).orElse(null);
        }
        PackagePropertiesPart core = (PackagePropertiesPart) pkg.getPackageProperties();
        return new PackageProperties(custom, core.getCreatorProperty().orElse(null),
                core.getLastModifiedByProperty().orElse(null), company);
    }

    private static Optional<Element> root(OPCPackage pkg, String type) throws IOException, XMLStreamException {
        PackageRelationshipCollection rels = pkg.getRelationshipsByType(type);
        if (rels.size() != 1) {
            return Optional.empty();
        }
        PackagePart part = pkg.getPart(rels.getRelationship(0));
        if (part == null) {
            return Optional.empty();
        }
        try (InputStream in = part.getInputStream(); XmlStream xml = XmlStream.open(part.getPartName().getName(), in)) {
            return Optional.of(xml.root());
        }
    }

    /** All character data under {@code n}, in document order (what XMLBeans calls the text value). */
    private static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue());
            } else if (c.getNodeType() == Node.ELEMENT_NODE) {
                sb.append(text(c));
            }
        }
        return sb.toString();
    }
}
