package dev.marking.core.format.pdf;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.pdf.PageInk.Glyph;
import dev.marking.core.format.pdf.PageInk.Reason;
import dev.marking.core.model.Location;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Fake redaction in a PDF (DESIGN §1.5): text that is still in the page content but that a reader does
 * not see — under a later opaque fill, in the colour of what is behind it, invisible outside an OCR
 * layer, clipped away, outside the crop box, under an opaque or dark annotation, or under a
 * {@code /Redact} annotation that was never applied. Each run of such glyphs becomes one hidden item of
 * kind {@code covered-text} whose location part says why ({@code under-box}, {@code same-colour}, …).
 */
final class RedactionScanner {

    static final HiddenKind KIND = HiddenKind.COVERED_TEXT;
    /** Annotations whose colour is darker than this (relative luminance 0..1) hide the text under them. */
    static final double DARK = 0.3;
    /** Glyphs further apart than this share of a glyph's size are separate words. */
    private static final double GAP = 0.25;

    private RedactionScanner() {
    }

    /** Covered text on page {@code n}, whose content pass ({@link PageScan}) gave {@code glyphs}. */
    static List<HiddenItem> covered(PDPage page, List<Glyph> glyphs, int n) throws IOException {
        List<HiddenItem> out = new ArrayList<>();
        annotations(page, glyphs);
        items(glyphs, n, out);
        return out;
    }

    private static void annotations(PDPage page, List<Glyph> glyphs) throws IOException {
        for (PDAnnotation a : page.getAnnotations()) {
            PDRectangle r = a.getRectangle();
            if (r == null || a.isHidden() || a.isNoView()) {
                continue;
            }
            Reason reason = reason(a);
            if (reason == null) {
                continue;
            }
            Rectangle2D box = new Rectangle2D.Float(r.getLowerLeftX(), r.getLowerLeftY(), r.getWidth(), r.getHeight());
            for (Glyph g : glyphs) {
                boolean open = g.hidden == null || reason == Reason.REDACT_ANNOTATION;
                if (open && !g.blank() && g.box.intersects(box) && PageInk.share(g.box, box, null) > PageInk.COVERED) {
                    g.hidden = reason;
                }
            }
        }
    }

    /** Why an annotation hides the text under it, or null when it does not. */
    private static Reason reason(PDAnnotation a) {
        String type = a.getSubtype();
        if ("Redact".equals(type)) {
            return Reason.REDACT_ANNOTATION;
        }
        float opacity = a.getCOSObject().getFloat(COSName.CA, 1f);
        if (opacity < PageInk.OPAQUE) {
            return null;
        }
        if (("Square".equals(type) || "Circle".equals(type) || "Polygon".equals(type))
                && colour(a.getCOSObject().getDictionaryObject(COSName.IC)) != null) {
            return Reason.UNDER_ANNOTATION;
        }
        if ("Highlight".equals(type)) {
            float[] c = colour(a.getCOSObject().getDictionaryObject(COSName.C));
            if (c != null && 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] < DARK) {
                return Reason.UNDER_ANNOTATION;
            }
        }
        return null;
    }

    /** An annotation colour array (gray, RGB or CMYK) as RGB, or null when absent or empty (transparent). */
    static float[] colour(COSBase value) {
        if (!(value instanceof COSArray a)) {
            return null;
        }
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(a.getObject(i) instanceof COSNumber num)) {
                return null;
            }
            v[i] = num.floatValue();
        }
        return switch (v.length) {
            case 1 -> new float[] {v[0], v[0], v[0]};
            case 3 -> v;
            case 4 -> new float[] {(1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3])};
            default -> null;
        };
    }

    /** Joins consecutive hidden glyphs with the same reason into items; blanks inside a run become spaces. */
    private static void items(List<Glyph> glyphs, int page, List<HiddenItem> out) {
        StringBuilder text = new StringBuilder();
        Reason current = null;
        Glyph last = null;
        for (Glyph g : glyphs) {
            if (g.blank()) {
                if (current != null && !g.text.isEmpty()) {
                    text.append(' ');
                }
                continue;
            }
            if (g.hidden != current) {
                flush(text, current, page, out);
                current = g.hidden;
                last = null;
            }
            if (current != null) {
                if (last != null && apart(last.box, g.box) && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
                text.append(g.text);
                last = g;
            }
        }
        flush(text, current, page, out);
    }

    /** True when {@code b} does not touch {@code a} (within a quarter em, in any writing direction): a new word or line. */
    private static boolean apart(Rectangle2D a, Rectangle2D b) {
        double m = GAP * Math.max(Math.max(a.getWidth(), a.getHeight()), Math.max(b.getWidth(), b.getHeight()));
        Rectangle2D near = new Rectangle2D.Double(a.getX() - m, a.getY() - m, a.getWidth() + 2 * m, a.getHeight() + 2 * m);
        return !near.intersects(b);
    }

    private static void flush(StringBuilder text, Reason reason, int page, List<HiddenItem> out) {
        String t = text.toString().strip();
        if (reason != null && !t.isEmpty()) {
            out.add(new HiddenItem(KIND, t, new Location(reason.part, 0, page, 0, 0, 0)));
        }
        text.setLength(0);
    }
}
