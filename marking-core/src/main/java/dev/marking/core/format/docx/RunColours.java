package dev.marking.core.format.docx;

import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Whether a run looks blacked out: a dark highlight under dark or automatic text, or a dark shading
 * (the run's or the paragraph's) under text in an explicit dark colour. Automatic text on dark shading
 * is left alone: Word and LibreOffice draw it white, so it stays readable (checked by rendering with
 * LibreOffice, which draws automatic text black on a black highlight).
 */
final class RunColours {

    /** Background and text darker than this (luminance 0..1) make the text unreadable. */
    static final double DARK = 0.2;

    /** {@code w:highlight} names and their colours (ECMA-376 §17.18.40). */
    private static final Map<String, String> HIGHLIGHTS = Map.ofEntries(Map.entry("black", "000000"),
            Map.entry("darkBlue", "000080"), Map.entry("darkRed", "800000"), Map.entry("darkGreen", "008000"),
            Map.entry("darkMagenta", "800080"), Map.entry("darkCyan", "008080"), Map.entry("darkYellow", "808000"),
            Map.entry("darkGray", "808080"), Map.entry("blue", "0000FF"), Map.entry("red", "FF0000"),
            Map.entry("green", "00FF00"), Map.entry("magenta", "FF00FF"), Map.entry("cyan", "00FFFF"),
            Map.entry("yellow", "FFFF00"), Map.entry("lightGray", "C0C0C0"), Map.entry("white", "FFFFFF"));

    private RunColours() {
    }

    /** True when run {@code r} has dark text on a dark background ({@code paragraphShading} may be null). */
    static boolean blackedOut(Element r, Element paragraphShading) {
        Optional<Element> props = Wml.childW(r, "rPr");
        String ink = props.flatMap(p -> Wml.childW(p, "color")).map(Wml::val).orElse("auto");
        boolean automatic = ink.isEmpty() || "auto".equals(ink);
        if (!automatic && luminance(ink) >= DARK) {
            return false;
        }
        Optional<String> highlight = props.flatMap(p -> Wml.childW(p, "highlight")).map(h -> HIGHLIGHTS.get(Wml.val(h)));
        if (highlight.isPresent()) {
            return luminance(highlight.get()) < DARK; // LibreOffice draws automatic text black on a black highlight
        }
        if (automatic) {
            return false; // automatic text is drawn white on dark shading (Word and LibreOffice)
        }
        Optional<String> shading = props.flatMap(p -> Wml.childW(p, "shd")).flatMap(RunColours::shading)
                .or(() -> Optional.ofNullable(paragraphShading).flatMap(RunColours::shading));
        return shading.isPresent() && luminance(shading.get()) < DARK;
    }

    /** The colour a {@code w:shd} paints: the pattern colour when solid, else the fill (absent when {@code auto}). */
    static Optional<String> shading(Element shd) {
        String pattern = Wml.val(shd);
        if ("solid".equals(pattern)) {
            String c = Wml.attr(shd, Wml.W, "color");
            return Optional.of(c.isEmpty() || "auto".equals(c) ? "000000" : c);
        }
        if ("nil".equals(pattern)) {
            return Optional.empty();
        }
        String fill = Wml.attr(shd, Wml.W, "fill");
        return fill.isEmpty() || "auto".equals(fill) ? Optional.empty() : Optional.of(fill);
    }

    /** Relative luminance (0 black .. 1 white) of a hex colour {@code RRGGBB}; unreadable values count as white. */
    static double luminance(String hex) {
        if (hex == null || hex.length() != 6) {
            return 1;
        }
        try {
            int v = Integer.parseInt(hex, 16);
            return (0.2126 * ((v >> 16) & 0xff) + 0.7152 * ((v >> 8) & 0xff) + 0.0722 * (v & 0xff)) / 255;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
