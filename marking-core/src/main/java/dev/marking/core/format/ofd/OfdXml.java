package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.Interruption;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML parts of an OFD package: parsed with the JDK's DOM under a hardened configuration (no DTD, no
 * external entities or schemas, bounded nesting), and element look-up by local name in the OFD namespace
 * or none, since producers write {@code ofd:Page}, a default namespace, or no namespace at all.
 */
final class OfdXml {

    /** The namespace of GB/T 33190-2016. */
    static final String NS = "http://www.ofdspec.org/2016";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private final OfdLimits limits;
    private final DocumentBuilderFactory factory;
    private final TransformerFactory transformers;
    private final int maxDepth;

    OfdXml(OfdLimits limits) {
        this.limits = limits;
        this.maxDepth = limits.maxDepth();
        factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(maxDepth));
        transformers = TransformerFactory.newDefaultInstance();
        try {
            transformers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XML writer cannot be hardened", e);
        }
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    }

    /** The limits parts and packages are read under. */
    OfdLimits limits() {
        return limits;
    }

    /** Parses part {@code name} of {@code file}. */
    Document parse(Path file, String name, byte[] bytes) throws DocumentException {
        Interruption.check();
        try {
            DocumentBuilder builder;
            synchronized (factory) {
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(new DefaultHandler()); // fatal errors throw, nothing is printed
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("maxElementDepth")) {
                throw new DocumentException(file, Kind.UNREADABLE, "the OFD package exceeds a safety limit: " + name
                        + " nests elements deeper than " + maxDepth + " levels (limit: XML nesting depth)", e);
            }
            if (m.contains("DOCTYPE")) {
                throw new DocumentException(file, Kind.UNREADABLE, "the OFD package exceeds a safety limit: " + name
                        + " declares a DTD, which OFD parts may not (limit: no DTD or external entities)", e);
            }
            throw new DocumentException(file, Kind.UNREADABLE, "not a sound OFD package: " + name + " is not well-formed"
                    + " XML: " + m, e);
        } catch (IOException | ParserConfigurationException | RuntimeException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "cannot read " + name + ": " + e, e);
        }
    }

    /** The document as UTF-8 bytes with an XML declaration, its namespaces and prefixes kept. */
    byte[] write(Document doc) {
        try {
            Transformer t;
            synchronized (transformers) {
                t = transformers.newTransformer();
            }
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            doc.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** True when {@code n} is an element named {@code local} in the OFD namespace or in none. */
    static boolean is(Node n, String local) {
        return n instanceof Element e && local.equals(localName(e)) && ofdNamespace(e);
    }

    static boolean ofdNamespace(Element e) {
        String ns = e.getNamespaceURI();
        return ns == null || NS.equals(ns);
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** Child elements named {@code local}. */
    static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, local)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** All child elements. */
    static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, local)) {
                return Optional.of((Element) n);
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of child {@code local}, if present and not blank. */
    static Optional<String> childText(Element parent, String local) {
        return child(parent, local).map(Element::getTextContent).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** An attribute's value, or empty when absent or blank. */
    static Optional<String> attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** A new element in the namespace and with the prefix {@code like} uses (an OFD part keeps one style). */
    static Element create(Element like, String local) {
        Document doc = like.getOwnerDocument();
        String ns = like.getNamespaceURI();
        if (ns == null) {
            return doc.createElement(local);
        }
        String prefix = like.getPrefix();
        return doc.createElementNS(ns, prefix == null ? local : prefix + ":" + local);
    }

    /** Numbers of a space-separated list ({@code "0 0 210 297"}); unreadable items are skipped. */
    static double[] numbers(String s) {
        if (s == null || s.isBlank()) {
            return new double[0];
        }
        String[] parts = SEPARATORS.split(s.strip());
        double[] out = new double[parts.length];
        int n = 0;
        for (String p : parts) {
            try {
                double v = Double.parseDouble(p);
                if (Double.isFinite(v)) {
                    out[n++] = v;
                }
            } catch (NumberFormatException e) {
                continue;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
