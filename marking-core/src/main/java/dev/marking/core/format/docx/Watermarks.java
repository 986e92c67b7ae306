package dev.marking.core.format.docx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds watermark shapes in a header part: VML WordArt ({@code v:textpath string="…"}, what Word's
 * Design › Watermark writes) and DrawingML WordArt or shapes named as watermarks ({@code wps:wsp}).
 * A VML shape that takes its geometry from a {@code v:shapetype} its own part does not define, and has
 * none of its own ({@code path}, {@code o:spt}), is not drawn: LibreOffice writes a shape type into the
 * first part that uses it only, and shows only that part's watermark after it reopens the file.
 */
final class Watermarks {

    private Watermarks() {
    }

    /** The texts of the watermark shapes under {@code part}, in document order. */
    static List<String> texts(Element part) {
        Set<String> types = new HashSet<>();
        Wml.descendants(part, Wml.V, "shapetype").forEach(t -> types.add(t.getAttribute("id")));
        List<String> out = new ArrayList<>();
        collect(part, types, out);
        return out;
    }

    private static void collect(Element parent, Set<String> types, List<String> out) {
        for (Element e : Wml.children(parent)) {
            if (Wml.is(e, Wml.V, "shape") && !drawn(e, types)) {
                continue;
            }
            if (Wml.is(e, Wml.MC, "AlternateContent")) {
                List<String> chosen = new ArrayList<>();
                Wml.child(e, Wml.MC, "Choice").ifPresent(c -> collect(c, types, chosen));
                if (chosen.isEmpty()) {
                    Wml.child(e, Wml.MC, "Fallback").ifPresent(c -> collect(c, types, chosen));
                }
                out.addAll(chosen);
            } else if (Wml.is(e, Wml.V, "textpath")) {
                String s = e.getAttribute("string");
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            } else if (Wml.is(e, Wml.WPS, "wsp") && isWatermarkShape(e)) {
                String s = text(e);
                if (!s.isEmpty()) {
                    out.add(s);
                }
            } else {
                collect(e, types, out);
            }
        }
    }

    /** False for a VML shape whose {@code type} names a shape type missing from its part and that has no geometry of its own. */
    static boolean drawn(Element shape, Set<String> types) {
        // Word writes "#_x0000_t136", LibreOffice "_x0000_t136"
        String type = shape.getAttribute("type").replaceFirst("^#", "");
        if (type.isEmpty() || types.contains(type)) {
            return true;
        }
        return shape.hasAttribute("path") || !Wml.attr(shape, Wml.O, "spt").isEmpty();
    }

    /** A DrawingML watermark's text: what it holds, or for a shape drawn from outlines, its description. */
    static String text(Element wsp) {
        String own = Wml.plainText(wsp).strip();
        return own.isEmpty() ? docPr(wsp).map(d -> d.getAttribute("descr").strip()).orElse("") : own;
    }

    /** The {@code wp:docPr} of the drawing that holds {@code wsp}. */
    private static Optional<Element> docPr(Element wsp) {
        for (Node n = wsp.getParentNode(); n != null; n = n.getParentNode()) {
            if (Wml.is(n, Wml.WP, "anchor") || Wml.is(n, Wml.WP, "inline")) {
                return Wml.child(n, Wml.WP, "docPr");
            }
        }
        return Optional.empty();
    }

    /** True for a DrawingML shape that is WordArt or is named as a watermark. */
    static boolean isWatermarkShape(Element wsp) {
        if (!Wml.descendants(wsp, Wml.A, "prstTxWarp").isEmpty()) {
            return true;
        }
        String name = docPr(wsp).map(d -> d.getAttribute("name")).orElse("");
        return name.toLowerCase(Locale.ROOT).contains("watermark");
    }
}
