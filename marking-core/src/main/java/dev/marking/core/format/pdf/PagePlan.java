package dev.marking.core.format.pdf;

import java.util.Optional;

/**
 * Where our stamp goes on one page, in reader coordinates: each piece's left end of its (first)
 * baseline, and how the page's own content is shrunk to make room. A piece that is switched off, or the
 * block on a page other than the first, is empty.
 *
 * @param firstPage  the document's first page (it carries the block)
 * @param header     the running mark
 * @param footer     the copy-number footer
 * @param block      the first line of the GB/T 9704 block
 * @param shrink     how the content is scaled ({@link Shrink#NONE} when it stays)
 * @param overlapped true when no free place was found and a piece was put at its standard place over ink
 * @param watermarkOnTop the watermark goes into an annotation over the page ({@link AnnotationWatermark}), not the content
 */
record PagePlan(boolean firstPage, Optional<Spot> header, Optional<Spot> footer, Optional<Spot> block, Shrink shrink,
        boolean overlapped, boolean watermarkOnTop) {

    PagePlan(boolean firstPage, Optional<Spot> header, Optional<Spot> footer, Optional<Spot> block, Shrink shrink,
            boolean overlapped) {
        this(firstPage, header, footer, block, shrink, overlapped, false);
    }

    /** This plan with the watermark in an annotation over the page. */
    PagePlan withWatermarkOnTop() {
        return new PagePlan(firstPage, header, footer, block, shrink, overlapped, true);
    }

    /** A point in reader coordinates, points. */
    record Spot(float x, float y) {
    }
}
