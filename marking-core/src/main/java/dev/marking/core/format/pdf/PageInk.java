package dev.marking.core.format.pdf;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * The ink of one page, told by the content-stream pass ({@link PageScan}) as it replays the page: records, in
 * drawing order, every glyph (box, text, colour) and every painted area (filled paths, images, shadings) with
 * its colour and opacity. A glyph is marked hidden when a later opaque fill covers most of it, when it has
 * the colour of what is painted behind it, when it is drawn invisible (render mode 3), when the clipping path
 * removes it, or when it lies outside the crop box. What is drawn inside our stamp (marked content or Form
 * XObjects, {@link #stamp}) is left out: it is never a fake redaction.
 */
final class PageInk {

    /** Why a glyph is not seen; the names become the location part of the hidden item. */
    enum Reason {
        UNDER_BOX("under-box"), SAME_COLOUR("same-colour"), INVISIBLE("invisible-text"), CLIPPED("clipped"),
        OUTSIDE_CROP_BOX("outside-crop-box"), UNDER_ANNOTATION("under-annotation"), REDACT_ANNOTATION("redact-annotation");

        final String part;

        Reason(String part) {
            this.part = part;
        }
    }

    /** One glyph: its box in default user space, its text, and why it is hidden (null when seen). */
    static final class Glyph {
        final Rectangle2D box;
        final String text;
        final int mode;
        private final boolean blank;
        Reason hidden;
        /** The last {@link GlyphGrid#visit} that handed this glyph over. */
        long visit;

        Glyph(Rectangle2D box, String text, int mode) {
            this.box = box;
            this.text = text;
            this.mode = mode;
            this.blank = text.isBlank();
        }

        boolean blank() {
            return blank;
        }
    }

    /** Something painted: its area, its colour (null when not one colour: image, shading, pattern), opaque or not. */
    private record Paint(Shape shape, Rectangle2D bounds, float[] rgb, boolean opaque) {
    }

    /** Fill opacity at or above this counts as opaque. */
    static final float OPAQUE = 0.95f;
    /** A later fill hides a glyph when it covers more than this share of the glyph's box. */
    static final double COVERED = 0.6;
    /** Two colours are the same when no channel differs by more than this (0..1). */
    static final float SAME_COLOUR = 0.06f;
    /** Under a darkening blend mode only fills darker than this (luminance 0..1) hide what is under them. */
    static final double DARK = 0.1;
    /** Glyph box height in text space (em), from the baseline: the body of most letters and CJK ideographs. */
    private static final float GLYPH_HEIGHT = 0.7f;
    /** More paints than this on one page are not kept (maps, CAD drawings); coverage then stops being checked. */
    private static final int MAX_PAINTS = 5_000;
    private static final int GRID = 3;

    private final List<Glyph> glyphs = new ArrayList<>();
    /** The glyphs a later opaque box may still hide, by where they are on the page. */
    private final GlyphGrid coverable;
    private final List<Paint> paints = new ArrayList<>();
    /** The opaque ones among {@link #paints}, by where they are on the page. */
    private final OpaquePaints<Paint> opaquePaints;
    private final List<Rectangle2D> images = new ArrayList<>();
    private final Rectangle2D cropBox;
    private GeneralPath path = new GeneralPath();
    private int stampDepth;
    private int clipRule = -1;

    PageInk(PDPage page) {
        var c = page.getCropBox();
        cropBox = new Rectangle2D.Float(c.getLowerLeftX(), c.getLowerLeftY(), c.getWidth(), c.getHeight());
        coverable = new GlyphGrid(cropBox);
        opaquePaints = new OpaquePaints<>(cropBox);
    }

    /** Our stamp begins ({@code true}) or ends: what is drawn inside neither hides nor is hidden. */
    void stamp(boolean begins) {
        stampDepth += begins ? 1 : -1;
    }

    /** The page's glyphs in drawing order, hidden ones marked; call once the page is replayed. */
    List<Glyph> glyphs() {
        GlyphGrid drawn = null;
        for (Glyph g : glyphs) {
            if (g.hidden == Reason.INVISIBLE && overImage(g.box)) {
                g.hidden = null; // an OCR layer: invisible text over the scanned image it transcribes
            } else if (g.hidden == Reason.SAME_COLOUR) {
                drawn = drawn == null ? drawn() : drawn;
                if (stacked(g, drawn)) {
                    g.hidden = null; // the white dot of a radio button drawn as glyphs, with the ring on top
                }
            }
        }
        return glyphs;
    }

    /** The page's glyphs that draw something, by place. */
    private GlyphGrid drawn() {
        GlyphGrid grid = new GlyphGrid(cropBox);
        for (Glyph g : glyphs) {
            if (!g.blank() && !g.box.isEmpty()) {
                grid.add(g);
            }
        }
        return grid;
    }

    /** A glyph shown with text rendering matrix {@code trm} in graphics state {@code gs}. */
    void showGlyph(Matrix trm, PDFont font, int code, Vector displacement, PDGraphicsState gs) throws IOException {
        if (stampDepth > 0) {
            return;
        }
        String unicode = font.toUnicode(code);
        Rectangle2D box = glyphBox(trm, displacement);
        RenderingMode mode = gs.getTextState().getRenderingMode();
        Glyph g = new Glyph(box, unicode == null ? "" : unicode, mode.intValue());
        glyphs.add(g);
        if (g.blank() || box.isEmpty()) {
            return;
        }
        if (!box.intersects(cropBox)) {
            g.hidden = Reason.OUTSIDE_CROP_BOX;
        } else if (mode == RenderingMode.NEITHER) {
            g.hidden = Reason.INVISIBLE;
        } else if (share(box, gs.getCurrentClippingPath(), null) == 0) {
            g.hidden = Reason.CLIPPED;
        } else if (!mode.isClip() && sameAsBehind(g, gs, mode)) {
            g.hidden = Reason.SAME_COLOUR;
        }
        if (g.hidden == null && g.mode < RenderingMode.FILL_CLIP.intValue()) {
            coverable.add(g);
        }
    }

    /** The glyph's box in user space: advance width by {@link #GLYPH_HEIGHT} em, through the text rendering matrix. */
    private static Rectangle2D glyphBox(Matrix trm, Vector displacement) {
        float w = displacement.getX();
        float h = GLYPH_HEIGHT;
        float x0 = 0;
        float y0 = 0;
        if (w == 0 && displacement.getY() != 0) {
            w = 1; // vertical writing: a square em below the origin
            x0 = -0.5f;
            y0 = displacement.getY();
            h = -displacement.getY();
        }
        GeneralPath p = new GeneralPath(new Rectangle2D.Float(x0, y0, Math.abs(w), Math.abs(h)));
        return p.createTransformedShape(trm.createAffineTransform()).getBounds2D();
    }

    private boolean sameAsBehind(Glyph g, PDGraphicsState gs, RenderingMode mode) {
        float[] ink = rgb(mode.isFill() ? gs.getNonStrokingColor() : gs.getStrokingColor());
        float alpha = (float) (mode.isFill() ? gs.getNonStrokeAlphaConstant() : gs.getAlphaConstant());
        if (ink == null || alpha < OPAQUE) {
            return false;
        }
        Paint p = opaquePaints.topmost(g.box.getCenterX(), g.box.getCenterY());
        if (p != null) {
            return p.rgb() != null && same(ink, p.rgb());
        }
        return same(ink, new float[] {1, 1, 1}); // the white page
    }

    /** True when {@code g} and another glyph are stacked: a symbol built from several glyphs (radio buttons), not text. */
    private static boolean stacked(Glyph g, GlyphGrid drawn) {
        boolean[] found = {false};
        drawn.visit(g.box, e -> {
            found[0] = found[0] || e != g && e.box.intersects(g.box) && share(g.box, e.box, null) > COVERED;
        });
        return found[0];
    }

    void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo(p0.getX(), p0.getY());
        path.lineTo(p1.getX(), p1.getY());
        path.lineTo(p2.getX(), p2.getY());
        path.lineTo(p3.getX(), p3.getY());
        path.closePath();
    }

    void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    void lineTo(float x, float y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x3, y3);
        } else {
            path.curveTo(x1, y1, x2, y2, x3, y3);
        }
    }

    Point2D getCurrentPoint() {
        return path.getCurrentPoint();
    }

    void closePath() {
        if (path.getCurrentPoint() != null) {
            path.closePath();
        }
    }

    /** {@code n} or {@code S}: the path ends without a fill. */
    void endPath(PDGraphicsState gs) {
        newPath(gs);
    }

    /** {@code f}, {@code f*}, {@code B}, …: the path is filled (stroking adds nothing a box hides), then ends. */
    void fillPath(int windingRule, PDGraphicsState gs) {
        path.setWindingRule(windingRule);
        fill(path, gs);
        newPath(gs);
    }

    /** Ends the current path; a pending {@code W}/{@code W*} makes it part of the clip first. */
    private void newPath(PDGraphicsState gs) {
        if (clipRule >= 0) {
            GeneralPath clip = (GeneralPath) path.clone();
            clip.setWindingRule(clipRule);
            gs.intersectClippingPath(clip);
            clipRule = -1;
        }
        path = new GeneralPath();
    }

    void clip(int windingRule) {
        clipRule = windingRule; // applied when the path ends (n, f, S): PDF 32000 §8.5.4
    }

    /** An image (XObject or inline) painted into the unit square of {@code ctm}. */
    void drawImage(Matrix ctm) {
        if (stampDepth > 0) {
            return;
        }
        Rectangle2D unit = new Rectangle2D.Float(0, 0, 1, 1);
        Rectangle2D bounds = ctm.createAffineTransform().createTransformedShape(unit).getBounds2D();
        images.add(bounds);
        remember(new Paint(bounds, bounds, null, false));
    }

    /** {@code sh}: a shading fills the current clip. */
    void shadingFill(PDGraphicsState gs) {
        if (stampDepth > 0) {
            return;
        }
        Area clip = gs.getCurrentClippingPath();
        remember(new Paint(clip, clip.getBounds2D(), null, true));
    }

    private void fill(GeneralPath shape, PDGraphicsState gs) {
        if (stampDepth > 0 || shape.getCurrentPoint() == null) {
            return;
        }
        Rectangle2D bounds = shape.getBounds2D();
        float[] rgb = rgb(gs.getNonStrokingColor());
        boolean opaque = gs.getNonStrokeAlphaConstant() >= OPAQUE && gs.getSoftMask() == null && hides(gs.getBlendMode(), rgb);
        Area clip = gs.getCurrentClippingPath();
        if (opaque && rgb != null && paints.size() < MAX_PAINTS) {
            coverable.visit(bounds, g -> {
                if (g.hidden == null && g.box.intersects(bounds) && share(g.box, shape, clip) > COVERED) {
                    g.hidden = Reason.UNDER_BOX;
                }
            });
        }
        remember(new Paint(shape, bounds, rgb, opaque));
    }

    /** True when a fill of colour {@code rgb} in blend mode {@code mode} replaces what is under it (null colour: unknown). */
    static boolean hides(BlendMode mode, float[] rgb) {
        if (mode == null || mode == BlendMode.NORMAL || mode == BlendMode.COMPATIBLE) {
            return true;
        }
        if (rgb == null) {
            return false;
        }
        double l = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        if (mode == BlendMode.MULTIPLY || mode == BlendMode.DARKEN) {
            return l < DARK; // black multiplies everything to black; white leaves it as it was
        }
        if (mode == BlendMode.SCREEN || mode == BlendMode.LIGHTEN) {
            return l > 1 - DARK;
        }
        return false;
    }

    private void remember(Paint p) {
        if (paints.size() < MAX_PAINTS) {
            paints.add(p);
            if (p.opaque()) {
                opaquePaints.add(p, p.shape(), p.bounds());
            }
        }
    }

    private boolean overImage(Rectangle2D box) {
        for (Rectangle2D image : images) {
            if (image.contains(box.getCenterX(), box.getCenterY())) {
                return true;
            }
        }
        return false;
    }

    /** The share (0..1) of {@code box} inside {@code shape} and {@code clip} (null: everywhere), sampled on a grid. */
    static double share(Rectangle2D box, Shape shape, Shape clip) {
        if (shape == null && clip == null) {
            return 1;
        }
        Rectangle2D clipBounds = clip == null ? null : clip.getBounds2D();
        Rectangle2D rectangularShape = rectangle(shape);
        Rectangle2D rectangularClip = rectangle(clip);
        int inside = 0;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double x = box.getX() + box.getWidth() * (2 * i + 1) / (2.0 * GRID);
                double y = box.getY() + box.getHeight() * (2 * j + 1) / (2.0 * GRID);
                boolean inClip = clip == null || clipBounds.contains(x, y) && contains(clip, rectangularClip, x, y);
                if (inClip && (shape == null || contains(shape, rectangularShape, x, y))) {
                    inside++;
                }
            }
        }
        return inside / (double) (GRID * GRID);
    }

    /** The bounds of {@code s} when it is an area that is one rectangle (most clips are), else null. */
    private static Rectangle2D rectangle(Shape s) {
        return s instanceof Area a && a.isRectangular() && !a.isEmpty() ? a.getBounds2D() : null;
    }

    /**
     * {@code s.contains(x, y)}, answered from {@code rectangle} (its bounds when it is one rectangle, else null) for
     * a point strictly inside or outside it; {@link Area#contains(double, double)} walks the area's edges each time,
     * which was 4 % of a verify. A point on its edge is left to the area.
     */
    private static boolean contains(Shape s, Rectangle2D rectangle, double x, double y) {
        if (rectangle != null) {
            if (x > rectangle.getMinX() && x < rectangle.getMaxX() && y > rectangle.getMinY() && y < rectangle.getMaxY()) {
                return true;
            }
            if (!rectangle.contains(x, y)) {
                return false;
            }
        }
        return s.contains(x, y);
    }

    /** The colour as RGB 0..1, or null when it is not one colour (pattern) or cannot be converted. */
    static float[] rgb(PDColor color) {
        if (color == null || color.isPattern()) {
            return null;
        }
        try {
            int v = color.toRGB();
            return new float[] {((v >> 16) & 0xff) / 255f, ((v >> 8) & 0xff) / 255f, (v & 0xff) / 255f};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean same(float[] a, float[] b) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(a[i] - b[i]) > SAME_COLOUR) {
                return false;
            }
        }
        return true;
    }
}
