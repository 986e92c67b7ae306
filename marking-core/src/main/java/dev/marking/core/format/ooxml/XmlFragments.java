package dev.marking.core.format.ooxml;

import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;

/**
 * What we add to a package is written as XML text (one element with its namespace declarations) and
 * copied into POI's XML where a cursor stands; this is the one place that parses and copies it.
 */
public final class XmlFragments {

    private XmlFragments() {
    }

    /** Copies the element of {@code fragment} to the position of {@code at} (before the token it stands on). */
    public static void insert(XmlCursor at, String fragment) {
        try (XmlCursor src = parse(fragment).newCursor()) {
            src.toFirstChild();
            src.copyXml(at);
        }
    }

    /**
     * Copies the children of {@code wrapper}'s root element, in order, to the position of {@code at}: several
     * sibling elements written as one fragment (the root only carries the namespace declarations).
     */
    public static void insertChildren(XmlCursor at, String wrapper) {
        try (XmlCursor src = parse(wrapper).newCursor()) {
            src.toFirstChild();
            for (boolean more = src.toFirstChild(); more; more = src.toNextSibling()) {
                src.copyXml(at);
            }
        }
    }

    private static XmlObject parse(String fragment) {
        try {
            return XmlObject.Factory.parse(fragment);
        } catch (XmlException e) {
            throw new IllegalStateException("bad fragment: " + e.getMessage(), e);
        }
    }

    /** XML-escapes text for element content and attribute values. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
