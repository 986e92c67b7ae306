package dev.marking.core.format.ofd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a stamp adds to a package, and how a restamp takes it away again: objects named
 * {@code MarkingStamp.*} (and the layers that held only them), our resource file
 * {@code MarkingStampRes.xml} with its font, named from {@code CommonData/PublicRes}. Our
 * {@code marking.*} custom data is replaced by {@link OfdMetadata#write}.
 */
final class OurStamp {

    /** Our resource file, beside {@code Document.xml}. */
    static final String RES = StampRole.PREFIX + "Res.xml";
    /** Its folder for the font ({@code BaseLoc}). */
    static final String RES_DIR = StampRole.PREFIX + "Res";
    static final String FONT_FILE = StampRole.PREFIX + ".ttf";

    private static final Pattern ID = Pattern.compile("(?<![A-Za-z_:])ID\\s*=\\s*\"\\s*(\\d{1,15})\\s*\"");

    private OurStamp() {
    }

    /**
     * Removes our previous stamp from {@code doc}'s pages and resources and our files from {@code parts}.
     * Returns the pages whose content changed.
     */
    static List<OfdDocument.Page> remove(OfdDocument doc, Map<String, byte[]> parts) {
        List<OfdDocument.Page> changed = new ArrayList<>();
        for (OfdDocument.Page page : doc.pages) {
            if (removeOurs(page.content().getDocumentElement())) {
                changed.add(page);
            }
        }
        Optional<Element> common = doc.commonData();
        if (common.isPresent()) {
            for (Element res : OfdXml.children(common.get(), "PublicRes")) {
                String loc = res.getTextContent().strip();
                if (loc.substring(loc.lastIndexOf('/') + 1).startsWith(StampRole.PREFIX)) {
                    common.get().removeChild(res);
                }
            }
        }
        String folder = folder(doc.documentPath);
        parts.keySet().removeIf(n -> n.equals(folder + RES) || n.startsWith(folder + RES_DIR + "/"));
        return changed;
    }

    /** Removes our objects under {@code root}; a layer or block left empty by that goes too. */
    private static boolean removeOurs(Element root) {
        boolean removed = false;
        for (Element e : OfdXml.elements(root)) {
            if (StampRole.ours(e.getAttribute("Name"))) {
                root.removeChild(e);
                removed = true;
            } else if (removeOurs(e)) {
                removed = true;
                if (OfdXml.elements(e).isEmpty() && (OfdXml.is(e, "Layer") || OfdXml.is(e, "PageBlock"))) {
                    root.removeChild(e);
                }
            }
        }
        return removed;
    }

    /** The highest object ID used anywhere in the package's XML, or stated as {@code MaxUnitID}. */
    static long maxId(OfdDocument doc, Map<String, byte[]> parts) {
        long max = doc.commonData().flatMap(c -> OfdXml.childText(c, "MaxUnitID")).map(OurStamp::number).orElse(0L);
        for (Map.Entry<String, byte[]> e : parts.entrySet()) {
            if (e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
                Matcher m = ID.matcher(new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                while (m.find()) {
                    max = Math.max(max, number(m.group(1)));
                }
            }
        }
        return max;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The folder part of a package path, with its trailing slash ({@code ""} at the root). */
    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** Inserts {@code child} into {@code parent} before the first child named one of {@code before}, else at the end. */
    static void insertBefore(Element parent, Element child, String... before) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            for (String b : before) {
                if (OfdXml.is(n, b)) {
                    parent.insertBefore(child, n);
                    return;
                }
            }
        }
        parent.appendChild(child);
    }
}
