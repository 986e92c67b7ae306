package dev.marking.core.format.pdf;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Moves what lies over a shrunk page with its content ({@link Shrink}): each annotation's rectangle (its
 * appearance is fitted to it) and quadrilaterals (text markup, links), and the rectangles of article
 * beads (readers order the page's text by them). The originals are kept under {@code /MarkingStampRect}
 * and {@code /MarkingStampQuadPoints}, so a restamp puts them back before it lays the page out again.
 */
final class PageShrink {

    static final COSName RECT = COSName.getPDFName(StampRole.KEY + "Rect");
    static final COSName QUADS = COSName.getPDFName(StampRole.KEY + "QuadPoints");

    private PageShrink() {
    }

    /** Scales the page's annotations by {@code shrink} (the content is scaled by the stamp's {@code cm}). */
    static void apply(PDPage page, PageFrame frame, Shrink shrink) {
        if (shrink.none()) {
            return;
        }
        AffineTransform t = shrink.inUserSpace(frame).createAffineTransform();
        for (COSDictionary bead : dictionaries(page, COSName.B)) {
            COSArray r = bead.getCOSArray(COSName.R);
            if (r != null && r.size() == 4) {
                bead.setItem(RECT, copy(r));
                bead.setItem(COSName.R, bounds(r, t));
            }
        }
        for (COSDictionary annot : annotations(page)) {
            COSArray rect = annot.getCOSArray(COSName.RECT);
            if (rect != null && rect.size() == 4) {
                annot.setItem(RECT, copy(rect));
                annot.setItem(COSName.RECT, bounds(rect, t));
            }
            COSArray quads = annot.getCOSArray(COSName.QUADPOINTS);
            if (quads != null) {
                annot.setItem(QUADS, copy(quads));
                annot.setItem(COSName.QUADPOINTS, points(quads, t));
            }
        }
    }

    /** Puts back the annotations' rectangles an earlier stamp shrank; true when there were any. */
    static boolean undo(PDPage page) {
        boolean found = false;
        for (COSDictionary bead : dictionaries(page, COSName.B)) {
            if (bead.getItem(RECT) != null) {
                bead.setItem(COSName.R, bead.getItem(RECT));
                bead.removeItem(RECT);
                found = true;
            }
        }
        for (COSDictionary annot : annotations(page)) {
            if (annot.getItem(RECT) != null) {
                annot.setItem(COSName.RECT, annot.getItem(RECT));
                annot.removeItem(RECT);
                found = true;
            }
            if (annot.getItem(QUADS) != null) {
                annot.setItem(COSName.QUADPOINTS, annot.getItem(QUADS));
                annot.removeItem(QUADS);
                found = true;
            }
        }
        return found;
    }

    private static java.util.List<COSDictionary> annotations(PDPage page) {
        return dictionaries(page, COSName.ANNOTS);
    }

    /** The dictionaries in the page's array {@code key} ({@code /Annots}, {@code /B}). */
    private static java.util.List<COSDictionary> dictionaries(PDPage page, COSName key) {
        java.util.List<COSDictionary> out = new java.util.ArrayList<>();
        COSArray annots = page.getCOSObject().getCOSArray(key);
        if (annots == null) {
            return out;
        }
        for (int i = 0; i < annots.size(); i++) {
            COSBase a = annots.get(i);
            COSBase d = a instanceof COSObject o ? o.getObject() : a;
            if (d instanceof COSDictionary dict) {
                out.add(dict);
            }
        }
        return out;
    }

    private static COSArray copy(COSArray a) {
        COSArray c = new COSArray();
        for (int i = 0; i < a.size(); i++) {
            c.add(a.get(i));
        }
        return c;
    }

    private static float number(COSArray a, int i) {
        COSBase b = a.getObject(i);
        return b instanceof COSNumber n ? n.floatValue() : 0;
    }

    private static COSArray bounds(COSArray rect, AffineTransform t) {
        float x0 = number(rect, 0);
        float y0 = number(rect, 1);
        float x1 = number(rect, 2);
        float y1 = number(rect, 3);
        Point2D a = t.transform(new Point2D.Float(x0, y0), null);
        Point2D b = t.transform(new Point2D.Float(x1, y1), null);
        Point2D c = t.transform(new Point2D.Float(x0, y1), null);
        Point2D d = t.transform(new Point2D.Float(x1, y0), null);
        COSArray out = new COSArray();
        out.add(new COSFloat((float) Math.min(Math.min(a.getX(), b.getX()), Math.min(c.getX(), d.getX()))));
        out.add(new COSFloat((float) Math.min(Math.min(a.getY(), b.getY()), Math.min(c.getY(), d.getY()))));
        out.add(new COSFloat((float) Math.max(Math.max(a.getX(), b.getX()), Math.max(c.getX(), d.getX()))));
        out.add(new COSFloat((float) Math.max(Math.max(a.getY(), b.getY()), Math.max(c.getY(), d.getY()))));
        return out;
    }

    private static COSArray points(COSArray quads, AffineTransform t) {
        COSArray out = new COSArray();
        for (int i = 0; i + 1 < quads.size(); i += 2) {
            Point2D p = t.transform(new Point2D.Float(number(quads, i), number(quads, i + 1)), null);
            out.add(new COSFloat((float) p.getX()));
            out.add(new COSFloat((float) p.getY()));
        }
        return out;
    }
}
