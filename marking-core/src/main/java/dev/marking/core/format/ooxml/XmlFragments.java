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
        XmlObject parsed;
        try {
            parsed = XmlObject.Factory.parse(fragment);
        } catch (XmlException e) {
            throw new IllegalStateException("bad fragment: " + e.getMessage(), e);
        }
        try (XmlCursor src = parsed.newCursor()) {
            src.toFirstChild();
            src.copyXml(at);
        }
    }

    /** XML-escapes text for element content and attribute values. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
