package dev.marking.core.format.pdf;

import dev.marking.core.format.Layout;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.StampStyle;
import dev.marking.core.format.pdf.PagePlan.Spot;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Lays our stamp out on one page (DESIGN §1.3) from where the page has ink ({@link InkMap}): the GB/T
 * 9704 block at the top left of the type area, the running mark centred at the top, the footer centred
 * at the bottom, each at its standard place when that is free, else at the nearest free place in its
 * band. A page with no free place is shrunk just enough to free the bands ({@link Layout#KEEP});
 * {@link Layout#SHRINK} frees the same bands on every page; {@link Layout#OVERLAY} takes the standard
 * places whatever is there. The watermark is light and translucent and goes through the centre.
 */
final class PagePlanner {

    /** Left edge and top of the type area on A4 (GB/T 9704: 28 mm and 37 mm), as shares of the page. */
    static final float TYPE_LEFT = 79.37f / 595.28f;
    static final float TYPE_TOP = 104.88f / 841.89f;
    /** Space kept between our pieces and the page's ink, points. */
    static final float PAD = 2f;
    /** Ascent and descent of a line, as shares of its size. */
    static final float ASCENT = 0.9f;
    static final float DESCENT = 0.25f;
    /** Content is never shrunk below this scale; past it the page is marked at the standard places. */
    static final float MIN_SCALE = 0.5f;
    /** How far the header and footer may move from the page's edge into it, and the block down the page. */
    private static final float RUNNING_BAND = 0.2f;
    private static final float BLOCK_BAND = 0.45f;
    /** The share of the page's width, from the left, whose content the block must stand above. */
    private static final float BLOCK_SIDE = 0.6f;
    /** Step of the search, points. */
    private static final float STEP = 2f;

    private final StampOptions options;
    private final StampGlyphs glyphs;

    PagePlanner(StampOptions options, StampGlyphs glyphs) {
        this.options = options;
        this.glyphs = glyphs;
    }

    /** The plan for a page of {@code frame} whose ink is {@code ink} (unused for {@link Layout#OVERLAY}). */
    PagePlan plan(PageFrame frame, InkMap ink, boolean firstPage) throws IOException {
        Sizes z = new Sizes(frame, firstPage);
        if (options.layout() == Layout.OVERLAY) {
            return standard(z, Shrink.NONE, false);
        }
        if (options.layout() == Layout.SHRINK) {
            Shrink s = uniform(z);
            return place(z, ink.shrunk(s), s).orElseGet(() -> standard(z, s, true));
        }
        Optional<PagePlan> kept = place(z, ink, Shrink.NONE);
        if (kept.isPresent()) {
            return kept.get();
        }
        Optional<Shrink> shrink = fit(z, ink);
        if (shrink.isPresent()) {
            Optional<PagePlan> shrunk = place(z, ink.shrunk(shrink.get()), shrink.get());
            if (shrunk.isPresent()) {
                return shrunk.get();
            }
        }
        return standard(z, Shrink.NONE, true);
    }

    /** Every piece at its standard place. */
    private PagePlan standard(Sizes z, Shrink shrink, boolean overlapped) {
        return new PagePlan(z.first, z.header.map(t -> z.headerSpot()), z.footer.map(t -> z.footerSpot()),
                z.block.isEmpty() ? Optional.empty() : Optional.of(z.blockSpot()), shrink, overlapped);
    }

    /** Each piece at the free place nearest its standard one, block first; empty when one finds none. */
    private Optional<PagePlan> place(Sizes z, InkMap ink, Shrink shrink) {
        InkMap taken = ink;
        Optional<Spot> block = Optional.empty();
        if (!z.block.isEmpty()) {
            // the block heads the page: above the content on its side, never beside or below its first lines
            float above = ink.top(0, z.w * BLOCK_SIDE) + z.blockBelow() + PAD * 2;
            Spot pref = z.blockSpot();
            block = search(taken, pref, new Piece(z.blockWidth, z.blockBelow(), z.blockAbove()),
                    new Band(Math.max(above, z.h * (1 - BLOCK_BAND)), z.h - z.edge - z.blockAbove(), z.edge, z.w / 2, 0.5f));
            if (block.isEmpty()) {
                return Optional.empty();
            }
            taken = taken.with(z.box(block.get(), z.blockWidth, z.blockBelow(), z.blockAbove()));
        }
        Optional<Spot> header = Optional.empty();
        if (z.header.isPresent()) {
            Spot pref = z.headerSpot();
            header = search(taken, pref, new Piece(z.headerWidth, z.lineBelow(), z.lineAbove()),
                    new Band(z.h * (1 - RUNNING_BAND), pref.y(), z.edge, z.w - z.edge - z.headerWidth, 0.3f));
            if (header.isEmpty()) {
                return Optional.empty();
            }
            taken = taken.with(z.box(header.get(), z.headerWidth, z.lineBelow(), z.lineAbove()));
        }
        Optional<Spot> footer = Optional.empty();
        if (z.footer.isPresent()) {
            Spot pref = z.footerSpot();
            footer = search(taken, pref, new Piece(z.footerWidth, z.lineBelow(), z.lineAbove()),
                    new Band(pref.y(), z.h * RUNNING_BAND, z.edge, z.w - z.edge - z.footerWidth, 0.3f));
            if (footer.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new PagePlan(z.first, header, footer, block, shrink, false));
    }

    /** A piece's extent around its baseline's left end: width, depth below and height above. */
    private record Piece(float width, float below, float above) {
    }

    /** Where a piece may go: baseline in [yLo, yHi], left end in [xLo, xHi]; a sideways move costs xCost of a vertical one. */
    private record Band(float yLo, float yHi, float xLo, float xHi, float xCost) {
    }

    /** The free spot of {@code band} nearest {@code pref} for {@code p}, or empty. */
    private static Optional<Spot> search(InkMap ink, Spot pref, Piece p, Band band) {
        if (ink.free(pref.x() - PAD, pref.y() - p.below() - PAD, pref.x() + p.width() + PAD, pref.y() + p.above() + PAD)) {
            return Optional.of(pref);
        }
        Spot best = null;
        float bestCost = Float.MAX_VALUE;
        for (float y = band.yLo(); y <= band.yHi(); y += STEP) {
            float dy = Math.abs(y - pref.y());
            if (dy >= bestCost) {
                continue;
            }
            for (float x = band.xLo(); x <= band.xHi(); x += STEP) {
                float cost = dy + band.xCost() * Math.abs(x - pref.x());
                if (cost < bestCost && ink.free(x - PAD, y - p.below() - PAD, x + p.width() + PAD, y + p.above() + PAD)) {
                    best = new Spot(x, y);
                    bestCost = cost;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@link Layout#SHRINK}: the same bands freed on every page, content scaled about the horizontal centre. */
    private static Shrink uniform(Sizes z) {
        float top = z.topBand();
        float bottom = z.bottomBand();
        float s = Math.max(MIN_SCALE, Math.min(1, (z.h - top - bottom) / z.h));
        return new Shrink(s, (1 - s) * z.w / 2, bottom);
    }

    /**
     * The least change that moves this page's ink out of the bands its pieces need: the content is moved
     * down (or up) when it fits between the bands, else scaled about the horizontal centre just enough
     * to fit, its edge on the side of the band it left staying at the band. Empty when the ink is
     * already out of the bands (what blocks is beside the standard places, and moving would not help)
     * or when it would take less than {@link #MIN_SCALE}.
     */
    private static Optional<Shrink> fit(Sizes z, InkMap ink) {
        float[] extent = ink.verticalExtent();
        if (extent == null) {
            return Optional.empty();
        }
        float lo = extent[0];
        float hi = extent[1];
        float top = z.h - z.topBand();
        float bottom = z.bottomBand();
        float s = Math.min(1, (top - bottom) / Math.max(hi - lo, 1));
        if (s < MIN_SCALE) {
            return Optional.empty();
        }
        float dy;
        if (hi > top) {
            dy = top - s * hi;
        } else if (lo < bottom) {
            dy = bottom - s * lo;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Shrink(s, (1 - s) * z.w / 2, dy));
    }

    /** Sizes, texts and standard places of the pieces on one page. */
    private final class Sizes {
        final float w;
        final float h;
        final boolean first;
        final float edge;
        final float blockSize;
        final float runSize;
        final Optional<String> header;
        final Optional<String> footer;
        final List<String> block;
        final float headerWidth;
        final float footerWidth;
        final float blockWidth;

        Sizes(PageFrame frame, boolean first) throws IOException {
            this.w = frame.width();
            this.h = frame.height();
            this.first = first;
            float scale = StampStyle.scale(w, h);
            this.edge = Math.min(StampStyle.EDGE_PT, Math.min(w, h) * 0.05f);
            this.blockSize = StampStyle.size(StampStyle.BLOCK_PT, scale);
            this.runSize = StampStyle.size(StampStyle.RUNNING_PT, scale);
            this.header = options.header() ? Optional.of(options.marking().mark()) : Optional.empty();
            this.footer = options.footer() ? options.footerText() : Optional.empty();
            this.block = first ? options.firstPageBlock() : List.of();
            this.headerWidth = header.isPresent() ? glyphs.width(header.get()) * runSize : 0;
            this.footerWidth = footer.isPresent() ? glyphs.width(footer.get()) * runSize : 0;
            float bw = 0;
            for (String line : block) {
                bw = Math.max(bw, glyphs.width(line) * blockSize);
            }
            this.blockWidth = bw;
        }

        Spot headerSpot() {
            return new Spot((w - headerWidth) / 2, h - edge - runSize * ASCENT);
        }

        Spot footerSpot() {
            return new Spot((w - footerWidth) / 2, edge + runSize * DESCENT);
        }

        /** The top left of the type area, below the running mark. */
        Spot blockSpot() {
            float top = Math.min(h * (1 - TYPE_TOP), h - edge - runSize * 1.5f - PAD);
            return new Spot(Math.max(edge, w * TYPE_LEFT), top - blockSize * ASCENT);
        }

        float lineAbove() {
            return runSize * ASCENT;
        }

        float lineBelow() {
            return runSize * DESCENT;
        }

        float blockAbove() {
            return blockSize * ASCENT;
        }

        float blockBelow() {
            return (block.size() - 1) * blockSize * StampStyle.BLOCK_LEADING + blockSize * DESCENT;
        }

        /** Height of the top band that holds the header and, on the first page, the block. */
        float topBand() {
            if (header.isEmpty() && block.isEmpty()) {
                return 0;
            }
            float band = edge + (header.isPresent() ? runSize * 1.5f : 0);
            if (!block.isEmpty()) {
                band += blockAbove() + blockBelow() + blockSize * 0.5f;
            }
            return band + PAD * 2;
        }

        float bottomBand() {
            return footer.isPresent() ? edge + runSize * 1.5f + PAD * 2 : 0;
        }

        float[] box(Spot s, float width, float below, float above) {
            return new float[] {s.x() - PAD, s.y() - below - PAD, s.x() + width + PAD, s.y() + above + PAD};
        }
    }
}
