package dev.marking.core.format.odf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Small DOM helpers for the parts we rewrite whole ({@code styles.xml}, {@code meta.xml}, the manifest). */
final class OdfDom {

    private OdfDom() {
    }

    static Document parse(InputStream in) throws IOException {
        try {
            return OdfXml.dom().newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Parses {@code fragment} (one element with its namespace declarations) into {@code owner}. */
    static Element fragment(Document owner, String fragment) {
        try {
            Document d = OdfXml.dom().newDocumentBuilder().parse(new InputSource(new StringReader(fragment)));
            return (Element) owner.importNode(d.getDocumentElement(), true);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("bad fragment: " + e.getMessage(), e);
        }
    }

    static byte[] serialize(Document doc) throws IOException {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static boolean is(Node n, String ns, String local) {
        return n instanceof Element && ns.equals(n.getNamespaceURI()) && local.equals(n.getLocalName());
    }

    static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Node parent, String ns, String local) {
        return children(parent).stream().filter(e -> is(e, ns, local)).toList();
    }

    /** Every element named {@code ns:local} under {@code root}, in document order. */
    static List<Element> descendants(Element root, String ns, String local) {
        List<Element> out = new ArrayList<>();
        var list = root.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static String attr(Element e, String ns, String local) {
        return e.hasAttributeNS(ns, local) ? e.getAttributeNS(ns, local) : null;
    }
}
