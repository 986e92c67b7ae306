package dev.marking.core.format.pdf;

import dev.marking.core.format.MetadataKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Our keys in an XMP packet, namespace {@link MetadataKeys#XMP_NAMESPACE}, prefix {@code marking:}
 * ({@code marking.level} is {@code marking:level}). Other schemas in the packet are kept as they are.
 */
final class XmpMarking {

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String X = "adobe:ns:meta/";
    private static final String NS = MetadataKeys.XMP_NAMESPACE;
    private static final String PREFIX = "marking.";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";
    private static final String EXTENSION = "http://www.aiim.org/pdfa/ns/extension/";
    private static final String SCHEMA = "http://www.aiim.org/pdfa/ns/schema#";
    private static final String PROPERTY = "http://www.aiim.org/pdfa/ns/property#";
    /** Our properties, each described in the PDF/A extension schema a PDF/A file needs for a namespace of its own. */
    private static final List<String> KEYS = List.of("level", "scheme", "term", "copy", "issued", "id", "stamped",
            "urgency", "recipient");

    /** Parse errors become exceptions (handled by the caller), not lines on stderr. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not stop the parse and is no concern of the user
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmpMarking() {
    }

    /** Our {@code marking.*} values in {@code xmp}; empty when there are none or the packet is not XML. */
    static Map<String, String> read(byte[] xmp) {
        Map<String, String> out = new LinkedHashMap<>();
        Document d = parse(xmp);
        if (d == null) {
            return out;
        }
        NodeList elements = d.getElementsByTagNameNS(NS, "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Node n = elements.item(i);
            out.put(PREFIX + n.getLocalName(), n.getTextContent().strip());
        }
        NodeList all = d.getElementsByTagNameNS(RDF, "Description");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attrs = all.item(i).getAttributes();
            for (int j = 0; j < attrs.getLength(); j++) {
                Node a = attrs.item(j);
                if (NS.equals(a.getNamespaceURI())) {
                    out.put(PREFIX + a.getLocalName(), a.getNodeValue().strip());
                }
            }
        }
        return out;
    }

    /**
     * {@code xmp} (may be null) with our previous values removed and {@code values} added; null when the
     * existing packet cannot be parsed (it is then left alone rather than replaced).
     */
    static byte[] write(byte[] xmp, Map<String, String> values) throws IOException {
        return write(xmp, values, null);
    }

    /**
     * {@link #write(byte[], Map)}, also setting {@code xmp:ModifyDate} (and {@code xmp:MetadataDate} where
     * present) to {@code modified} when given, and, in a file that claims PDF/A, describing our namespace in
     * the PDF/A extension schema as PDF/A requires.
     */
    static byte[] write(byte[] xmp, Map<String, String> values, String modified) throws IOException {
        Document d = xmp == null || xmp.length == 0 ? fresh() : parse(xmp);
        if (d == null) {
            return null;
        }
        Element rdf = (Element) d.getElementsByTagNameNS(RDF, "RDF").item(0);
        if (rdf == null) {
            return null;
        }
        removeOurs(d);
        Element desc = d.createElementNS(RDF, "rdf:Description");
        desc.setAttributeNS(RDF, "rdf:about", "");
        desc.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:marking", NS);
        for (Map.Entry<String, String> e : values.entrySet()) {
            Element el = d.createElementNS(NS, "marking:" + e.getKey().substring(PREFIX.length()));
            el.setTextContent(e.getValue());
            desc.appendChild(el);
        }
        rdf.appendChild(desc);
        if (modified != null) {
            setDate(d, desc, "ModifyDate", modified, true);
            setDate(d, desc, "MetadataDate", modified, false);
        }
        if (d.getElementsByTagNameNS(PDFAID, "*").getLength() > 0 || hasAttribute(d, PDFAID)) {
            describeSchema(d, rdf);
        }
        return serialise(d);
    }

    /** Sets {@code xmp:name} wherever it is (element or attribute); adds it to {@code desc} when {@code add} and absent. */
    private static void setDate(Document d, Element desc, String name, String value, boolean add) {
        boolean found = false;
        NodeList elements = d.getElementsByTagNameNS(XMP, name);
        for (int i = 0; i < elements.getLength(); i++) {
            elements.item(i).setTextContent(value);
            found = true;
        }
        NodeList descs = d.getElementsByTagNameNS(RDF, "Description");
        for (int i = 0; i < descs.getLength(); i++) {
            Element e = (Element) descs.item(i);
            if (e.hasAttributeNS(XMP, name)) {
                e.setAttributeNS(XMP, e.getAttributeNodeNS(XMP, name).getName(), value);
                found = true;
            }
        }
        if (!found && add) {
            desc.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xmp", XMP);
            Element el = d.createElementNS(XMP, "xmp:" + name);
            el.setTextContent(value);
            desc.appendChild(el);
        }
    }

    private static boolean hasAttribute(Document d, String ns) {
        NodeList descs = d.getElementsByTagNameNS(RDF, "Description");
        for (int i = 0; i < descs.getLength(); i++) {
            NamedNodeMap attrs = descs.item(i).getAttributes();
            for (int j = 0; j < attrs.getLength(); j++) {
                if (ns.equals(attrs.item(j).getNamespaceURI())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds our namespace to the file's {@code pdfaExtension:schemas} bag (made when missing), once. */
    private static void describeSchema(Document d, Element rdf) {
        Element bag = null;
        NodeList schemas = d.getElementsByTagNameNS(EXTENSION, "schemas");
        if (schemas.getLength() > 0) {
            NodeList bags = ((Element) schemas.item(0)).getElementsByTagNameNS(RDF, "Bag");
            bag = bags.getLength() > 0 ? (Element) bags.item(0) : null;
        }
        if (bag == null) {
            Element desc = d.createElementNS(RDF, "rdf:Description");
            desc.setAttributeNS(RDF, "rdf:about", "");
            Element s = d.createElementNS(EXTENSION, "pdfaExtension:schemas");
            bag = d.createElementNS(RDF, "rdf:Bag");
            s.appendChild(bag);
            desc.appendChild(s);
            rdf.appendChild(desc);
        }
        List<Node> old = new ArrayList<>();
        for (Node li = bag.getFirstChild(); li != null; li = li.getNextSibling()) {
            if (li instanceof Element e && e.getElementsByTagNameNS(SCHEMA, "namespaceURI").getLength() > 0
                    && NS.equals(e.getElementsByTagNameNS(SCHEMA, "namespaceURI").item(0).getTextContent().strip())) {
                old.add(li);
            }
        }
        old.forEach(bag::removeChild);
        Element li = resource(d);
        li.appendChild(text(d, SCHEMA, "pdfaSchema:schema", "marking: classification marking (DESIGN §3.4)"));
        li.appendChild(text(d, SCHEMA, "pdfaSchema:namespaceURI", NS));
        li.appendChild(text(d, SCHEMA, "pdfaSchema:prefix", "marking"));
        Element property = d.createElementNS(SCHEMA, "pdfaSchema:property");
        Element seq = d.createElementNS(RDF, "rdf:Seq");
        for (String key : KEYS) {
            Element p = resource(d);
            p.appendChild(text(d, PROPERTY, "pdfaProperty:name", key));
            p.appendChild(text(d, PROPERTY, "pdfaProperty:valueType", "Text"));
            p.appendChild(text(d, PROPERTY, "pdfaProperty:category", "external"));
            p.appendChild(text(d, PROPERTY, "pdfaProperty:description", "marking." + key));
            seq.appendChild(p);
        }
        property.appendChild(seq);
        li.appendChild(property);
        bag.appendChild(li);
    }

    private static Element resource(Document d) {
        Element li = d.createElementNS(RDF, "rdf:li");
        li.setAttributeNS(RDF, "rdf:parseType", "Resource");
        return li;
    }

    private static Element text(Document d, String ns, String name, String value) {
        Element e = d.createElementNS(ns, name);
        e.setTextContent(value);
        return e;
    }

    private static void removeOurs(Document d) {
        List<Node> drop = new ArrayList<>();
        NodeList elements = d.getElementsByTagNameNS(NS, "*");
        for (int i = 0; i < elements.getLength(); i++) {
            drop.add(elements.item(i));
        }
        for (Node n : drop) {
            Node parent = n.getParentNode();
            parent.removeChild(n);
            if (parent instanceof Element p && RDF.equals(p.getNamespaceURI()) && isEmptyDescription(p)) {
                p.getParentNode().removeChild(p);
            }
        }
        NodeList descs = d.getElementsByTagNameNS(RDF, "Description");
        for (int i = 0; i < descs.getLength(); i++) {
            Element e = (Element) descs.item(i);
            List<Attr> attrs = new ArrayList<>();
            for (int j = 0; j < e.getAttributes().getLength(); j++) {
                Attr a = (Attr) e.getAttributes().item(j);
                if (NS.equals(a.getNamespaceURI())) {
                    attrs.add(a);
                }
            }
            attrs.forEach(e::removeAttributeNode);
        }
    }

    private static boolean isEmptyDescription(Element e) {
        if (!"Description".equals(e.getLocalName())) {
            return false;
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return true;
    }

    private static Document fresh() throws IOException {
        String packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"" + X + "\"><rdf:RDF xmlns:rdf=\"" + RDF + "\"/></x:xmpmeta>"
                + "<?xpacket end=\"w\"?>";
        Document d = parse(packet.getBytes(StandardCharsets.UTF_8));
        if (d == null) {
            throw new IOException("cannot build an XMP packet");
        }
        return d;
    }

    private static Document parse(byte[] xmp) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(SILENT);
            return b.parse(new ByteArrayInputStream(xmp));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static byte[] serialise(Document d) throws IOException {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot write XMP: " + e.getMessage(), e);
        }
    }
}
