package dev.marking.core.format.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Our watermark as a {@code /Watermark} annotation, for pages that carry an annotation nearly as large
 * as the page (a scanned stamp, a full-page form appearance): viewers draw annotations over the page's
 * content, so a watermark in the content would lie hidden under it. The annotation comes last, so it is
 * drawn over the others; it prints, cannot be edited or moved, and carries {@code /MarkingStamp true} so
 * readers and restamps know it is ours.
 */
final class AnnotationWatermark {

    /** An annotation covering more than this share of the visible page hides what the page draws. */
    static final double LARGE = 0.5;
    private static final int PRINT = 4;
    private static final int READ_ONLY = 64;
    private static final int LOCKED = 128;

    private AnnotationWatermark() {
    }

    /** True when a visible annotation other than ours covers more than {@link #LARGE} of the page. */
    static boolean needed(PDPage page) throws IOException {
        PDRectangle crop = page.getCropBox();
        double area = (double) crop.getWidth() * crop.getHeight();
        for (PDAnnotation a : page.getAnnotations()) {
            PDRectangle r = a.getRectangle();
            if (r == null || a.isHidden() || a.isNoView() || ours(a.getCOSObject()) || "Popup".equals(a.getSubtype())
                    || a.getNormalAppearanceStream() == null) {
                continue;
            }
            double w = Math.min(r.getUpperRightX(), crop.getUpperRightX()) - Math.max(r.getLowerLeftX(), crop.getLowerLeftX());
            double h = Math.min(r.getUpperRightY(), crop.getUpperRightY()) - Math.max(r.getLowerLeftY(), crop.getLowerLeftY());
            if (w > 0 && h > 0 && w * h > LARGE * area) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the annotation drawing {@code watermark} (operators in the page's user space, naming the fonts and
     * transparency in {@code resources}) over the whole crop box.
     */
    static void add(PDDocument doc, PDPage page, byte[] watermark, PDResources resources) throws IOException {
        PDRectangle crop = page.getCropBox();
        PDFormXObject form = new PDFormXObject(doc);
        form.setBBox(crop);
        form.setResources(resources);
        try (OutputStream out = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
            out.write(watermark);
        }
        COSDictionary appearance = new COSDictionary();
        appearance.setItem(COSName.N, form);
        COSDictionary annot = new COSDictionary();
        annot.setItem(COSName.TYPE, COSName.ANNOT);
        annot.setItem(COSName.SUBTYPE, COSName.getPDFName("Watermark"));
        annot.setItem(COSName.RECT, crop.getCOSArray());
        annot.setInt(COSName.F, PRINT | READ_ONLY | LOCKED);
        annot.setItem(COSName.AP, appearance);
        annot.setItem(StampRole.MARKER, COSBoolean.TRUE);
        COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annots == null) {
            annots = new COSArray();
            page.getCOSObject().setItem(COSName.ANNOTS, annots);
        }
        annots.add(annot);
    }

    /** Removes our watermark annotations from the page; true when there were any. */
    static boolean remove(PDPage page) {
        COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annots == null) {
            return false;
        }
        List<COSBase> doomed = new ArrayList<>();
        for (int i = 0; i < annots.size(); i++) {
            COSBase item = annots.get(i);
            if ((item instanceof COSObject o ? o.getObject() : item) instanceof COSDictionary d && ours(d)) {
                doomed.add(item);
            }
        }
        doomed.forEach(annots::remove);
        return !doomed.isEmpty();
    }

    /** Our watermark annotations on the page. */
    static List<PDAnnotation> of(PDPage page) throws IOException {
        List<PDAnnotation> out = new ArrayList<>();
        for (PDAnnotation a : page.getAnnotations()) {
            if (ours(a.getCOSObject())) {
                out.add(a);
            }
        }
        return out;
    }

    static boolean ours(COSDictionary annot) {
        return annot.getBoolean(StampRole.MARKER, false);
    }
}
