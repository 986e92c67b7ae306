package dev.marking.core.format.odf;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/** The ODF namespaces we touch and XML factories that never read a DTD or an external entity (no XXE). */
final class OdfXml {

    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    static final String SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
    static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    static final String LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";
    /** LibreOffice's own namespace for presentation comments before ODF 1.3. */
    static final String OFFICEOOO = "http://openoffice.org/2009/office";

    private OdfXml() {
    }

    /** A namespace-aware StAX factory with DTDs and external entities off. */
    static XMLInputFactory input() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static XMLOutputFactory output() {
        return XMLOutputFactory.newDefaultFactory();
    }

    /** A namespace-aware DOM factory that refuses any DTD (ODF has none) and resolves no entities. */
    static DocumentBuilderFactory dom() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
