package dev.marking.core.format.docx;

import dev.marking.core.format.ooxml.XmlFragments;
import java.util.ArrayList;
import java.util.List;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlCursor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How our additions are found again. Every paragraph we add sits in a block-level content control
 * ({@code w:sdt}) whose tag starts with {@code marking.}; a restamp removes those and nothing else.
 */
final class OurContent {

    static final String PREFIX = "marking.";
    static final String BLOCK = "marking.block";
    static final String HEADER = "marking.header";
    static final String FOOTER = "marking.footer";
    static final String WATERMARK = "marking.watermark";

    private OurContent() {
    }

    /** True for a content control we wrote. */
    static boolean isOurs(Element sdt) {
        return Wml.isW(sdt, "sdt") && Wml.childW(sdt, "sdtPr").flatMap(p -> Wml.childW(p, "tag"))
                .map(t -> Wml.val(t).startsWith(PREFIX)).orElse(false);
    }

    /** Removes every content control of ours under {@code container}; returns how many. */
    static int removeAll(Element container) {
        List<Element> ours = new ArrayList<>();
        collect(container, ours);
        for (Element sdt : ours) {
            try (XmlCursor c = XmlBeans.nodeToCursor(sdt)) {
                c.removeXml();
            }
        }
        return ours.size();
    }

    private static void collect(Element parent, List<Element> out) {
        for (Element e : Wml.children(parent)) {
            if (isOurs(e)) {
                out.add(e);
            } else {
                collect(e, out);
            }
        }
    }

    /** Inserts {@code fragment} (one element with its namespace declarations) as the first child of {@code container}. */
    static void prepend(Node container, String fragment) {
        insert(container, fragment, true);
    }

    /** Inserts {@code fragment} as the last child of {@code container}. */
    static void append(Node container, String fragment) {
        insert(container, fragment, false);
    }

    private static void insert(Node container, String fragment, boolean first) {
        try (XmlCursor dst = XmlBeans.nodeToCursor(container)) {
            if (!(first && dst.toFirstChild())) {
                dst.toEndToken();
            }
            XmlFragments.insert(dst, fragment);
        }
    }
}
