package dev.marking.core.format.pdf;

import dev.marking.core.format.Layout;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The ink of each page of a document being stamped ({@link InkMap}), rendered once our earlier stamp
 * is off, by {@link InkRenderer}. {@link Layout#OVERLAY} needs none. A page the renderer cannot draw counts as
 * fully inked, and so does an image it cannot decode, so the layout makes room rather than guess.
 */
final class PageInkSource {

    private final PDFRenderer renderer;

    PageInkSource(PDDocument doc, Layout layout) {
        this.renderer = layout == Layout.OVERLAY ? null : new InkRenderer(doc);
        if (renderer != null) {
            renderer.setSubsamplingAllowed(true);
        }
    }

    InkMap of(int index, PageFrame frame) {
        if (renderer == null) {
            return InkMap.blank(frame);
        }
        try {
            return InkMap.of(renderer, index, frame);
        } catch (IOException | RuntimeException e) {
            return InkMap.full(frame);
        }
    }
}
