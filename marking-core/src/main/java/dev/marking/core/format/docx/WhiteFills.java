package dev.marking.core.format.docx;

import java.util.Locale;
import org.w3c.dom.Element;

/**
 * Pure white fills in the body ({@code w:shd} of cells, tables, paragraphs and runs). Word and
 * LibreOffice draw header content, and so our watermark, beneath the body, and a white fill paints the
 * paper's colour over it: white-filled table cells hide the watermark. On white paper a white fill looks
 * exactly like none, so it is cleared, and the watermark shows through. Coloured fills are kept.
 */
final class WhiteFills {

    private WhiteFills() {
    }

    /** Clears the white fills under {@code body}; returns how many. */
    static int clear(Element body) {
        int n = 0;
        for (Element shd : Wml.descendants(body, Wml.W, "shd")) {
            String val = Wml.val(shd).toLowerCase(Locale.ROOT);
            String fill = Wml.attr(shd, Wml.W, "fill").toLowerCase(Locale.ROOT);
            String colour = Wml.attr(shd, Wml.W, "color").toLowerCase(Locale.ROOT);
            boolean whiteFill = "ffffff".equals(fill) && ("clear".equals(val) || "nil".equals(val) || val.isEmpty());
            boolean whitePattern = "solid".equals(val) && "ffffff".equals(colour);
            if (whiteFill || whitePattern) {
                shd.setAttributeNS(Wml.W, "w:val", "clear");
                shd.setAttributeNS(Wml.W, "w:color", "auto");
                shd.setAttributeNS(Wml.W, "w:fill", "auto");
                n++;
            }
        }
        return n;
    }
}
