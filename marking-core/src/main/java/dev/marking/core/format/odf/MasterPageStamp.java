package dev.marking.core.format.odf;

import dev.marking.core.format.StampOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stamps {@code styles.xml}: our common styles, and in every master page the running mark (with the
 * watermark) as the first paragraph of each header variant in use and the copy number as the last of each
 * footer variant; the user's own header and footer content stays. Whatever an earlier stamp added is
 * removed first: paragraphs in our styles (or automatic styles derived from them, as LibreOffice writes
 * after a re-save) and our watermark shapes.
 */
final class MasterPageStamp {

    private static final String[] HEADERS = {"header", "header-left", "header-first"};
    private static final String[] FOOTERS = {"footer", "footer-left", "footer-first"};

    private final Document doc;
    private final Set<String> ourStyles = new HashSet<>();

    private MasterPageStamp(Document doc) {
        this.doc = doc;
    }

    static void stamp(Document styles, StampOptions options) {
        new MasterPageStamp(styles).apply(options);
    }

    private void apply(StampOptions options) {
        Element root = doc.getDocumentElement();
        collectOurs(root);
        removeOurStyles(root);
        Element officeStyles = part(root, "styles", "automatic-styles", "master-styles");
        for (String s : OdfFragments.styles()) {
            officeStyles.appendChild(OdfDom.fragment(doc, s));
        }
        Element automatic = part(root, "automatic-styles", "master-styles");
        if (options.watermark()) {
            for (String s : OdfFragments.watermarkStyles()) {
                automatic.appendChild(OdfDom.fragment(doc, s));
            }
        }
        Map<String, Element> layouts = new HashMap<>();
        for (Element layout : OdfDom.descendants(root, OdfXml.STYLE, "page-layout")) {
            layouts.put(OdfDom.attr(layout, OdfXml.STYLE, "name"), layout);
        }
        String mark = options.header() ? options.marking().mark() : null;
        String watermark = options.watermark() ? options.marking().watermarkText() : null;
        Optional<String> footer = options.footer() ? options.footerText() : Optional.empty();
        for (Element master : OdfDom.descendants(root, OdfXml.STYLE, "master-page")) {
            removeOurs(master);
            if (mark != null || watermark != null) {
                PageArea page = PageArea.of(layouts.get(OdfDom.attr(master, OdfXml.STYLE, "page-layout-name")));
                for (Element header : variants(master, HEADERS, true)) {
                    header.insertBefore(OdfDom.fragment(doc, OdfFragments.header(mark, watermark, page)),
                            header.getFirstChild());
                }
            }
            if (footer.isPresent()) {
                for (Element f : variants(master, FOOTERS, false)) {
                    f.appendChild(OdfDom.fragment(doc, OdfFragments.footer(footer.get())));
                }
            }
        }
    }

    /** Our common styles and automatic styles based on them (a re-save by LibreOffice makes those). */
    private void collectOurs(Element root) {
        for (Element s : OdfDom.descendants(root, OdfXml.STYLE, "style")) {
            String name = OdfDom.attr(s, OdfXml.STYLE, "name");
            String parent = OdfDom.attr(s, OdfXml.STYLE, "parent-style-name");
            if (name != null && (ours(name) || parent != null && ours(parent))) {
                ourStyles.add(name);
            }
        }
    }

    static boolean ours(String style) {
        return style.startsWith(OdfFragments.STYLE_PREFIX) || style.startsWith(OdfFragments.AUTO_PREFIX);
    }

    private void removeOurStyles(Element root) {
        for (Element s : OdfDom.descendants(root, OdfXml.STYLE, "style")) {
            String name = OdfDom.attr(s, OdfXml.STYLE, "name");
            if (name != null && ourStyles.contains(name)) {
                s.getParentNode().removeChild(s);
            }
        }
    }

    /** Removes our paragraphs and watermark shapes from a master page's headers and footers. */
    private void removeOurs(Element master) {
        List<Element> doomed = new ArrayList<>();
        for (Element p : OdfDom.descendants(master, OdfXml.TEXT, "p")) {
            String style = OdfDom.attr(p, OdfXml.TEXT, "style-name");
            if (style != null && ourStyles.contains(style)) {
                doomed.add(p);
            }
        }
        for (Element shape : OdfDom.descendants(master, OdfXml.DRAW, "custom-shape")) {
            String name = OdfDom.attr(shape, OdfXml.DRAW, "name");
            if (name != null && name.startsWith(OdtStamper.WATERMARK_NAME)) {
                doomed.add(shape);
            }
        }
        for (Element e : doomed) {
            if (e.getParentNode() != null && !within(e, doomed)) {
                e.getParentNode().removeChild(e);
            }
        }
    }

    private static boolean within(Element e, List<Element> doomed) {
        for (Node n = e.getParentNode(); n != null; n = n.getParentNode()) {
            if (doomed.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The variants of {@code kinds} the master page shows: the plain one always (created if missing, shown if
     * it was switched off), left and first ones where present and shown.
     */
    private List<Element> variants(Element master, String[] kinds, boolean header) {
        List<Element> out = new ArrayList<>();
        Element plain = OdfDom.children(master, OdfXml.STYLE, kinds[0]).stream().findFirst().orElse(null);
        if (plain == null) {
            plain = doc.createElementNS(OdfXml.STYLE, "style:" + kinds[0]);
            master.insertBefore(plain, insertionPoint(master, header));
        }
        plain.removeAttributeNS(OdfXml.STYLE, "display");
        out.add(plain);
        for (int i = 1; i < kinds.length; i++) {
            for (Element v : OdfDom.children(master, OdfXml.STYLE, kinds[i])) {
                if (!"false".equals(OdfDom.attr(v, OdfXml.STYLE, "display"))) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Headers come first in a master page; footers after the headers, before shapes and notes. */
    private static Node insertionPoint(Element master, boolean header) {
        for (Element c : OdfDom.children(master)) {
            boolean running = OdfXml.STYLE.equals(c.getNamespaceURI()) && c.getLocalName().startsWith("header");
            if (header || !running) {
                return c;
            }
        }
        return null;
    }

    /** The part {@code office:name} of styles.xml, created before the first of {@code following} when missing. */
    private Element part(Element root, String name, String... following) {
        List<Element> existing = OdfDom.children(root, OdfXml.OFFICE, name);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Element created = doc.createElementNS(OdfXml.OFFICE, "office:" + name);
        List<String> after = List.of(following);
        Node before = OdfDom.children(root).stream().filter(c -> OdfXml.OFFICE.equals(c.getNamespaceURI())
                && after.contains(c.getLocalName())).findFirst().orElse(null);
        root.insertBefore(created, before);
        return created;
    }
}
