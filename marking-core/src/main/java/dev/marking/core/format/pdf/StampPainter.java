package dev.marking.core.format.pdf;

import dev.marking.core.format.StampOptions;
import dev.marking.core.format.StampStyle;
import dev.marking.core.format.pdf.PagePlan.Spot;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws our stamp on one page where its {@link PagePlan} says, in {@link StampStyle}'s sizes and
 * colours, in reader coordinates ({@link PageFrame}): the running mark, the footer
 * ({@code 第000123份}), the diagonal watermark through the centre, on the first page the GB/T 9704
 * block (份号, then mark and urgency in bold), and the copy's {@link CovertMark}. Where transparency is
 * not allowed (PDF/A-1) the watermark is a light solid colour drawn under the page's content instead.
 */
final class StampPainter {

    /** Resource name of the watermark's transparency. */
    static final COSName GS = COSName.getPDFName(StampRole.KEY + "GS");
    /** Stroke width of the bold lines (黑体 look without a bold font), in multiples of the size. */
    private static final float BOLD = 0.03f;
    /** Line distance of a two-line watermark, in multiples of its size. */
    private static final float WATERMARK_LEADING = 1.2f;

    private final StampGlyphs glyphs;
    private final StampOptions options;
    private final boolean solidWatermark;
    private final BitSet fontsUsed = new BitSet();

    /** {@code solidWatermark}: no transparency allowed (PDF/A-1), the watermark goes under the content ({@link #underlay}). */
    StampPainter(StampGlyphs glyphs, StampOptions options, boolean solidWatermark) {
        this.glyphs = glyphs;
        this.options = options;
        this.solidWatermark = solidWatermark;
    }

    /** The transparency the watermark is drawn with ({@link #GS}). */
    static PDExtendedGraphicsState translucent() {
        PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
        gs.setNonStrokingAlphaConstant(StampStyle.WATERMARK_OPACITY);
        gs.setStrokingAlphaConstant(StampStyle.WATERMARK_OPACITY);
        return gs;
    }

    /** Resource name of stamp font {@code index}. */
    static COSName fontName(int index) {
        return COSName.getPDFName(StampRole.KEY + "F" + index);
    }

    /**
     * Stamps {@code page} as {@code plan} says, shrinking its content and adding the fonts and the
     * transparency it uses to its resources.
     */
    static void paint(PDDocument doc, PDPage page, PagePlan plan, StampFonts fonts, StampOptions options,
            boolean solidWatermark) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            resources = new PDResources();
        }
        if (page.getCOSObject().getDictionaryObject(COSName.RESOURCES) == null && resources.getCOSObject().size() == 0) {
            page.setResources(resources);
        }
        PageFrame frame = PageFrame.of(page);
        StampPainter painter = new StampPainter(fonts, options, solidWatermark);
        byte[] stamp = painter.draw(frame, plan);
        byte[] under = painter.underlay(frame);
        byte[] onTop = plan.watermarkOnTop() ? painter.watermarkAlone(frame) : null;
        for (int i = painter.fontsUsed.nextSetBit(0); i >= 0; i = painter.fontsUsed.nextSetBit(i + 1)) {
            COSName name = fontName(i);
            if (resources.getCOSObject().getCOSDictionary(COSName.FONT) == null
                    || !resources.getCOSObject().getCOSDictionary(COSName.FONT).containsKey(name)) {
                resources.put(name, fonts.font(i));
            }
        }
        if (options.watermark() && !solidWatermark) {
            resources.put(GS, translucent());
        }
        PageShrink.apply(page, frame, plan.shrink());
        PageContents.append(doc, page, under, plan.shrink().inUserSpace(frame), stamp);
        if (onTop != null) {
            PDResources own = new PDResources();
            for (int i = painter.fontsUsed.nextSetBit(0); i >= 0; i = painter.fontsUsed.nextSetBit(i + 1)) {
                own.put(fontName(i), fonts.font(i));
            }
            own.put(GS, translucent());
            AnnotationWatermark.add(doc, page, onTop, own);
        }
    }

    /**
     * The stamp's operators for a page with {@code frame}, in the page's user space, drawn over its
     * content; they name the fonts {@link #fontName} and the transparency {@link #GS}.
     */
    byte[] draw(PageFrame frame, PagePlan plan) throws IOException {
        float scale = StampStyle.scale(frame.width(), frame.height());
        float run = StampStyle.size(StampStyle.RUNNING_PT, scale);
        float[] red = StampStyle.components(StampStyle.RUNNING_RGB);
        StampContent c = new StampContent().save().transform(frame.toUser());
        if (plan.header().isPresent()) {
            line(c, StampRole.HEADER, options.marking().mark(), run, red, true, plan.header().get());
        }
        Optional<String> footer = options.footerText();
        if (plan.footer().isPresent() && footer.isPresent()) {
            line(c, StampRole.FOOTER, footer.get(), run, red, false, plan.footer().get());
        }
        if (options.watermark() && !solidWatermark && !plan.watermarkOnTop()) {
            watermark(c, frame, scale, StampStyle.components(StampStyle.WATERMARK_RGB), true);
        }
        if (plan.block().isPresent()) {
            block(c, plan.block().get(), StampStyle.size(StampStyle.BLOCK_PT, scale));
        }
        if (options.marking().copy().isPresent()) {
            CovertMark.draw(c, frame, options.marking().copy().get().value());
        }
        c.restore();
        return c.bytes();
    }

    /** The translucent watermark alone, in the page's user space (the appearance of {@link AnnotationWatermark}). */
    byte[] watermarkAlone(PageFrame frame) throws IOException {
        StampContent c = new StampContent().save().transform(frame.toUser());
        watermark(c, frame, StampStyle.scale(frame.width(), frame.height()),
                StampStyle.components(StampStyle.WATERMARK_RGB), true);
        return c.restore().bytes();
    }

    /** What goes under the page's content: the solid watermark where transparency is not allowed, else nothing. */
    byte[] underlay(PageFrame frame) throws IOException {
        if (!options.watermark() || !solidWatermark) {
            return new byte[0];
        }
        StampContent c = new StampContent().save().transform(frame.toUser());
        watermark(c, frame, StampStyle.scale(frame.width(), frame.height()),
                StampStyle.components(StampStyle.WATERMARK_SOLID_RGB), false);
        return c.restore().bytes();
    }

    private void block(StampContent c, Spot at, float size) throws IOException {
        List<String> lines = options.firstPageBlock();
        boolean numbered = options.marking().copy().isPresent();
        float[] black = StampStyle.components(StampStyle.BLOCK_RGB);
        float y = at.y();
        for (int i = 0; i < lines.size(); i++) {
            boolean heiti = !(numbered && i == 0); // 份号 in plain digits; 密级和保密期限 and 紧急程度 in bold 黑体
            line(c, StampRole.BLOCK, lines.get(i), size, black, heiti, new Spot(at.x(), y));
            y -= size * StampStyle.BLOCK_LEADING;
        }
    }

    private void watermark(StampContent c, PageFrame frame, float scale, float[] rgb, boolean translucent)
            throws IOException {
        List<String> lines = options.watermarkLines();
        float size = StampStyle.size(StampStyle.WATERMARK_PT, scale);
        double angle = Math.atan2(frame.height(), frame.width());
        c.begin(StampRole.WATERMARK).save();
        if (translucent) {
            c.op("gs", GS);
        }
        c.transform(Matrix.getRotateInstance(angle, frame.width() / 2, frame.height() / 2));
        float leading = size * WATERMARK_LEADING;
        float y = (lines.size() - 1) * leading / 2 - size * 0.35f;
        for (String text : lines) {
            float width = glyphs.width(text) * size;
            c.text(font(text), size, -width / 2, y, glyphs.encode(text), rgb, 0);
            y -= leading;
        }
        c.restore().end();
    }

    private void line(StampContent c, StampRole role, String text, float size, float[] rgb, boolean bold, Spot at)
            throws IOException {
        c.begin(role).text(font(text), size, at.x(), at.y(), glyphs.encode(text), rgb, bold ? size * BOLD : 0).end();
    }

    private COSName font(String text) throws IOException {
        int i = glyphs.fontIndex(text);
        fontsUsed.set(i);
        return fontName(i);
    }
}
