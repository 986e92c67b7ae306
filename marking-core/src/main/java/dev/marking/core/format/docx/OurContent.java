package dev.marking.core.format.docx;

import dev.marking.core.format.ooxml.XmlFragments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlCursor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How our additions are found again: every paragraph we add has one of our paragraph styles
 * ({@link StampStyles}), which survives a re-save by LibreOffice, WPS or Word. Stamps written before
 * that wrapped the paragraphs in block-level content controls tagged {@code marking.*}; a LibreOffice
 * re-save turns those into inline controls that keep only their alias ({@code 密级标志}, {@code 份号}, …)
 * and repeat their text. A restamp removes all three kinds and nothing else.
 */
final class OurContent {

    static final String PREFIX = "marking.";
    /** The aliases our earlier content controls carried: what LibreOffice keeps of them. */
    private static final Set<String> OLD_ALIASES = Set.of("密级和保密期限", "密级标志", "份号", "水印");

    private OurContent() {
    }

    /** True for a block-level content control an earlier version wrote. */
    static boolean isOurs(Element sdt) {
        return Wml.isW(sdt, "sdt") && Wml.childW(sdt, "sdtPr").flatMap(p -> Wml.childW(p, "tag"))
                .map(t -> Wml.val(t).startsWith(PREFIX)).orElse(false);
    }

    /**
     * Removes everything of ours under {@code container} (a body, header or footer): paragraphs in our
     * styles, our old content controls, and paragraphs holding what a re-save left of them. Returns how
     * many elements were removed.
     */
    static int removeAll(Element container) {
        List<Element> ours = new ArrayList<>();
        collect(container, ours);
        for (Element e : ours) {
            remove(e);
        }
        return ours.size();
    }

    private static void collect(Element parent, List<Element> out) {
        for (Element e : Wml.children(parent)) {
            if (isOurs(e) || Wml.isW(e, "p") && (StampStyles.isOurs(e) || holdsOldControl(e))) {
                out.add(e);
            } else {
                collect(e, out);
            }
        }
    }

    /** A paragraph with an inline control of our old aliases and no text of its own besides. */
    private static boolean holdsOldControl(Element p) {
        boolean found = false;
        StringBuilder rest = new StringBuilder();
        for (Element e : Wml.children(p)) {
            if (Wml.isW(e, "sdt") && oldAlias(e)) {
                found = true;
            } else if (!Wml.isW(e, "pPr")) {
                rest.append(Wml.plainText(e));
            }
        }
        return found && CovertMark.strip(rest.toString()).isBlank();
    }

    private static boolean oldAlias(Element sdt) {
        return isOurs(sdt) || Wml.childW(sdt, "sdtPr").flatMap(p -> Wml.childW(p, "alias"))
                .map(a -> OLD_ALIASES.contains(Wml.val(a))).orElse(false);
    }

    /** Removes {@code e} from its parent. */
    static void remove(Element e) {
        try (XmlCursor c = XmlBeans.nodeToCursor(e)) {
            c.removeXml();
        }
    }

    /** Inserts {@code fragment} (one element with its namespace declarations) as the first child of {@code container}. */
    static void prepend(Node container, String fragment) {
        insert(container, fragment, true, false);
    }

    /** Inserts {@code fragment} as the last child of {@code container}. */
    static void append(Node container, String fragment) {
        insert(container, fragment, false, false);
    }

    /** Inserts the children of {@code wrapper}'s root element, in order, before the first child of {@code container}. */
    static void prependChildren(Node container, String wrapper) {
        insert(container, wrapper, true, true);
    }

    /** Inserts the children of {@code wrapper}'s root element, in order, after the last child of {@code container}. */
    static void appendChildren(Node container, String wrapper) {
        insert(container, wrapper, false, true);
    }

    private static void insert(Node container, String fragment, boolean first, boolean children) {
        try (XmlCursor dst = XmlBeans.nodeToCursor(container)) {
            if (!(first && dst.toFirstChild())) {
                dst.toEndToken();
            }
            if (children) {
                XmlFragments.insertChildren(dst, fragment);
            } else {
                XmlFragments.insert(dst, fragment);
            }
        }
    }
}
