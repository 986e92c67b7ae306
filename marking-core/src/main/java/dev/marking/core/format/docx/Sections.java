package dev.marking.core.format.docx;

import dev.marking.core.format.StampStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The sections of a document and the header/footer parts Word shows in each. A section ends at a
 * paragraph whose {@code w:pPr} carries a {@code w:sectPr}, the last one at the body's {@code w:sectPr}.
 * A document without a body-level {@code w:sectPr} gets an implicit last section with Word's defaults.
 */
final class Sections {

    private static final int TWIPS_PER_PT = 20;

    /**
     * One section.
     *
     * @param number 1-based
     * @param sectPr its properties, empty for the implicit last section
     */
    record Section(int number, Optional<Element> sectPr) {

        /** True when the section has a different first page ({@code w:titlePg}). */
        boolean titlePage() {
            return sectPr.flatMap(s -> Wml.childW(s, "titlePg")).map(Wml::on).orElse(false);
        }

        /** {@link StampStyle#scale} for this section's paper ({@code w:pgSz}); 1 when the size is not given. */
        float paperScale() {
            Optional<Element> size = sectPr.flatMap(s -> Wml.childW(s, "pgSz"));
            if (size.isEmpty()) {
                return 1f;
            }
            int w = twips(Wml.attr(size.get(), Wml.W, "w"));
            int h = twips(Wml.attr(size.get(), Wml.W, "h"));
            if (w <= 0 || h <= 0 || w == Integer.MAX_VALUE || h == Integer.MAX_VALUE) {
                return 1f;
            }
            return StampStyle.scale(w / (float) TWIPS_PER_PT, h / (float) TWIPS_PER_PT);
        }

        /** The types shown on this section's pages. */
        List<String> shownTypes(boolean evenAndOdd) {
            List<String> types = new ArrayList<>(List.of("default"));
            if (titlePage()) {
                types.add("first");
            }
            if (evenAndOdd) {
                types.add("even");
            }
            return types;
        }

        /** This section's own references of {@code kind} ({@code header}/{@code footer}), type → relation id. */
        Map<String, String> ownReferences(String kind) {
            Map<String, String> refs = new LinkedHashMap<>();
            sectPr.ifPresent(s -> {
                for (Element ref : Wml.children(s)) {
                    if (Wml.isW(ref, kind + "Reference")) {
                        String type = Wml.attr(ref, Wml.W, "type");
                        refs.put(type.isEmpty() ? "default" : type, Wml.attr(ref, Wml.R, "id"));
                    }
                }
            });
            return refs;
        }
    }

    private Sections() {
    }

    /** The sections of the document element {@code w:document}, in order. */
    static List<Section> of(Element document) {
        List<Element> bodies = Wml.children(document).stream().filter(e -> Wml.isW(e, "body")).toList();
        List<Element> breaks = new ArrayList<>();
        for (Element body : bodies) {
            for (Element sectPr : Wml.descendants(body, Wml.W, "sectPr")) {
                if (isBreak(sectPr, body)) {
                    breaks.add(sectPr);
                }
            }
        }
        boolean lastHasOwn = !bodies.isEmpty() && Wml.childW(bodies.get(bodies.size() - 1), "sectPr").isPresent();
        return of(breaks, lastHasOwn);
    }

    /** True when {@code sectPr} ends a section: it sits in a paragraph's properties or in the body itself. */
    static boolean isBreak(Element sectPr, Element body) {
        return Wml.isW(sectPr.getParentNode(), "pPr") || sectPr.getParentNode() == body;
    }

    /**
     * The sections ended by {@code breaks} (in document order), plus an implicit last one with Word's defaults
     * when the last body has no {@code w:sectPr} of its own.
     */
    static List<Section> of(List<Element> breaks, boolean lastHasOwn) {
        List<Section> out = new ArrayList<>();
        for (Element sectPr : breaks) {
            out.add(new Section(out.size() + 1, Optional.of(sectPr)));
        }
        if (!lastHasOwn) {
            out.add(new Section(out.size() + 1, Optional.empty()));
        }
        return out;
    }

    /** Moves headers and footers that sit closer to the paper's edge than {@link StampStyle#EDGE_PT} to that distance. */
    static void keepPrintable(List<Section> sections) {
        String min = Integer.toString(Math.round(StampStyle.EDGE_PT * TWIPS_PER_PT));
        for (Section s : sections) {
            s.sectPr().flatMap(p -> Wml.childW(p, "pgMar")).ifPresent(m -> {
                for (String edge : List.of("header", "footer")) {
                    String v = Wml.attr(m, Wml.W, edge);
                    if (!v.isEmpty() && twips(v) < Integer.parseInt(min)) {
                        m.setAttributeNS(Wml.W, "w:" + edge, min);
                    }
                }
            });
        }
    }

    private static int twips(String v) {
        try {
            return (int) Math.round(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // a measure with units (Strict OOXML): left as it is
        }
    }

    /**
     * The relation id of the {@code kind} part Word shows for each section and type, following Word's
     * inheritance: a section without its own reference of a type uses the previous section's. A type
     * no section up to here defines is absent (Word shows it empty).
     */
    static List<Map<String, String>> resolve(List<Section> sections, String kind) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> inherited = new LinkedHashMap<>();
        for (Section s : sections) {
            inherited.putAll(s.ownReferences(kind));
            out.add(Map.copyOf(inherited));
        }
        return out;
    }
}
