package dev.marking.core.format.ofd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.LongSupplier;
import org.w3c.dom.Element;

/**
 * Writes our stamp into a page as one {@code Layer Type="Foreground"}: a {@code TextObject} per line, named
 * with its {@link StampRole}, drawn in our font with every advance given ({@code DeltaX}), the watermark
 * turned by its {@code CTM} and made light by {@code Alpha}.
 */
final class StampLayer {

    private StampLayer() {
    }

    /** Appends a layer with {@code pieces} to page {@code root}, numbering objects with {@code ids}. */
    static void add(Element root, List<StampLayout.Piece> pieces, long fontId, LongSupplier ids) {
        Element content = OfdXml.child(root, "Content").orElseGet(() -> {
            Element created = OfdXml.create(root, "Content");
            OurStamp.insertBefore(root, created, "Actions");
            return created;
        });
        Element layer = OfdXml.create(root, "Layer");
        layer.setAttribute("ID", Long.toString(ids.getAsLong()));
        layer.setAttribute("Type", "Foreground");
        for (StampLayout.Piece p : pieces) {
            layer.appendChild(text(root, p, fontId, ids.getAsLong()));
        }
        content.appendChild(layer);
    }

    private static Element text(Element like, StampLayout.Piece p, long fontId, long id) {
        Element t = OfdXml.create(like, "TextObject");
        t.setAttribute("ID", Long.toString(id));
        t.setAttribute("Name", p.role().objectName());
        t.setAttribute("Boundary", join(p.boundary()));
        t.setAttribute("Font", Long.toString(fontId));
        t.setAttribute("Size", number(p.size()));
        if (p.ctm() != null) {
            t.setAttribute("CTM", join(p.ctm()));
        }
        if (p.alpha() < 255) {
            t.setAttribute("Alpha", Integer.toString(p.alpha()));
        }
        if (p.bold()) {
            t.setAttribute("Weight", "700");
        }
        Element fill = OfdXml.create(like, "FillColor");
        fill.setAttribute("Value", p.rgb()[0] + " " + p.rgb()[1] + " " + p.rgb()[2]);
        t.appendChild(fill);
        Element code = OfdXml.create(like, "TextCode");
        code.setAttribute("X", "0");
        code.setAttribute("Y", p.ctm() == null ? number(p.baseline()) : "0");
        if (p.deltaX().length > 0) {
            code.setAttribute("DeltaX", join(p.deltaX()));
        }
        code.setTextContent(p.text());
        t.appendChild(code);
        return t;
    }

    static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() > 0 ? " " : "").append(number(v));
        }
        return sb.toString();
    }

    /** A length in millimetres with at most four decimals, no exponent, no trailing zeros. */
    static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
