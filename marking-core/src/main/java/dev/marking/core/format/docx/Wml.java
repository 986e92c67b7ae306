package dev.marking.core.format.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** WordprocessingML namespaces and the few DOM helpers the reader and stamper share. */
final class Wml {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String V = "urn:schemas-microsoft-com:vml";
    static final String O = "urn:schemas-microsoft-com:office:office";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    static final String WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
    static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    private Wml() {
    }

    /** True when {@code n} is the element {@code ns:local}. */
    static boolean is(Node n, String ns, String local) {
        return n instanceof Element && local.equals(n.getLocalName()) && ns.equals(n.getNamespaceURI());
    }

    /** True when {@code n} is the WordprocessingML element {@code w:local}. */
    static boolean isW(Node n, String local) {
        return is(n, W, local);
    }

    /** The child elements of {@code n}, in order. */
    static List<Element> children(Node n) {
        List<Element> out = new ArrayList<>();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element {@code ns:local}. */
    static Optional<Element> child(Node n, String ns, String local) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (is(c, ns, local)) {
                return Optional.of((Element) c);
            }
        }
        return Optional.empty();
    }

    /** The first child element {@code w:local}. */
    static Optional<Element> childW(Node n, String local) {
        return child(n, W, local);
    }

    /** An attribute value, or {@code ""} when absent. */
    static String attr(Element e, String ns, String local) {
        String v = e.getAttributeNS(ns, local);
        return v == null ? "" : v;
    }

    /** {@code w:val} of a WordprocessingML element, or {@code ""}. */
    static String val(Element e) {
        return attr(e, W, "val");
    }

    /** An on/off property ({@code <w:vanish/>}, {@code <w:titlePg w:val="1"/>}): on unless the value says off. */
    static boolean on(Element toggle) {
        String v = val(toggle);
        return !("0".equals(v) || "false".equals(v) || "off".equals(v));
    }

    /** All descendant elements {@code ns:local} of {@code n} in document order. */
    static List<Element> descendants(Node n, String ns, String local) {
        List<Element> out = new ArrayList<>();
        collect(n, ns, local, out);
        return out;
    }

    private static void collect(Node n, String ns, String local, List<Element> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (is(e, ns, local)) {
                    out.add(e);
                }
                collect(e, ns, local, out);
            }
        }
    }

    /** The text of all {@code w:t} under {@code n} (used for shapes and comments). */
    static String plainText(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Element t : descendants(n, W, "t")) {
            sb.append(ownText(t));
        }
        return sb.toString();
    }

    /** The character data directly inside {@code e}. */
    static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue());
            }
        }
        return sb.toString();
    }
}
