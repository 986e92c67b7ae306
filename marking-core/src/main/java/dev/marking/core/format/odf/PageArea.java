package dev.marking.core.format.odf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The page of a page layout ({@code style:page-layout-properties}) in centimetres; A4 when the layout says
 * nothing.
 *
 * @param width  page width
 * @param height page height
 */
record PageArea(double width, double height) {

    static final PageArea A4 = new PageArea(21.0, 29.7);

    private static final Pattern LENGTH = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(cm|mm|in|pt|pc|px)?");

    /** The text area of the page layout element {@code layout} (null: A4). */
    static PageArea of(Element layout) {
        if (layout == null) {
            return A4;
        }
        Element props = OdfDom.children(layout, OdfXml.STYLE, "page-layout-properties").stream().findFirst()
                .orElse(null);
        if (props == null) {
            return A4;
        }
        double w = cm(props, "page-width", 21.0);
        double h = cm(props, "page-height", 29.7);
        return w > 1 && h > 1 ? new PageArea(w, h) : A4;
    }

    private static double cm(Element e, String attribute, double fallback) {
        String v = OdfDom.attr(e, OdfXml.FO, attribute);
        if (v == null) {
            return fallback;
        }
        Matcher m = LENGTH.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return fallback;
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "cm" : m.group(2);
        return switch (unit) {
            case "mm" -> n / 10;
            case "in" -> n * 2.54;
            case "pt" -> n * 2.54 / 72;
            case "pc" -> n * 2.54 / 6;
            case "px" -> n * 2.54 / 96;
            default -> n;
        };
    }
}
