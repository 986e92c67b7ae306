package dev.marking.core.format.docx;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The package's properties the reader reports: every custom property (name → text, in order) and the core
 * and extended properties that name people or organisations. Read from the parts directly (streaming) or,
 * for an open POI document, from POI's model; both give the same values.
 *
 * @param custom         custom properties in document order
 * @param creator        {@code dc:creator}, or null
 * @param lastModifiedBy {@code cp:lastModifiedBy}, or null
 * @param company        the extended properties' {@code Company}, or null
 */
record PackageProperties(Map<String, String> custom, String creator, String lastModifiedBy, String company) {

    private static final String EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";

    /** The properties of an open POI document. */
    static PackageProperties of(XWPFDocument doc) {
        POIXMLProperties props = doc.getProperties();
        Map<String, String> custom = new LinkedHashMap<>();
        for (CTProperty p : props.getCustomProperties().getUnderlyingProperties().getPropertyList()) {
            if (p.getName() != null) {
                try (XmlCursor c = p.newCursor()) {
                    custom.put(p.getName(), c.getTextValue().strip());
                }
            }
        }
        return new PackageProperties(custom, props.getCoreProperties().getCreator(),
                props.getCoreProperties().getLastModifiedByUser(), props.getExtendedProperties().getCompany());
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
