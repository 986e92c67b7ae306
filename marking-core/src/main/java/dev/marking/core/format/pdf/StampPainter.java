package dev.marking.core.format.pdf;

import dev.marking.core.format.StampOptions;
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
 * Draws our stamp on one page, laid out in reader coordinates ({@link PageFrame}): the running header
 * (the mark) centred at the top, the footer ({@code 第000123份}) centred at the bottom, a diagonal
 * semi-transparent watermark through the centre, on the first page the GB/T 9704 block (份号, mark in
 * bold, urgency) at the top left, below the header, and the copy's {@link CovertMark}.
 */
final class StampPainter {

    /** Resource name of the watermark's transparency. */
    static final COSName GS = COSName.getPDFName(StampRole.KEY + "GS");

    private static final float[] RED = {0.75f, 0f, 0f};
    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] GREY = {0.5f, 0.5f, 0.5f};
    private static final float WATERMARK_ALPHA = 0.25f;

    private final StampGlyphs glyphs;
    private final StampOptions options;
    private final BitSet fontsUsed = new BitSet();

    StampPainter(StampGlyphs glyphs, StampOptions options) {
        this.glyphs = glyphs;
        this.options = options;
    }

    /** The transparency the watermark is drawn with ({@link #GS}). */
    static PDExtendedGraphicsState translucent() {
        PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
        gs.setNonStrokingAlphaConstant(WATERMARK_ALPHA);
        gs.setStrokingAlphaConstant(WATERMARK_ALPHA);
        return gs;
    }

    /** Resource name of stamp font {@code index}. */
    static COSName fontName(int index) {
        return COSName.getPDFName(StampRole.KEY + "F" + index);
    }

    /** Stamps {@code page} (the block goes on the first page only), adding the fonts it uses to its resources. */
    static void paint(PDDocument doc, PDPage page, boolean firstPage, StampFonts fonts, StampOptions options,
            PDExtendedGraphicsState translucent) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            resources = new PDResources();
        }
        if (page.getCOSObject().getDictionaryObject(COSName.RESOURCES) == null && resources.getCOSObject().size() == 0) {
            page.setResources(resources);
        }
        StampPainter painter = new StampPainter(fonts, options);
        byte[] stamp = painter.draw(PageFrame.of(page), firstPage);
        for (int i = painter.fontsUsed.nextSetBit(0); i >= 0; i = painter.fontsUsed.nextSetBit(i + 1)) {
            COSName name = fontName(i);
            if (resources.getCOSObject().getCOSDictionary(COSName.FONT) == null
                    || !resources.getCOSObject().getCOSDictionary(COSName.FONT).containsKey(name)) {
                resources.put(name, fonts.font(i));
            }
        }
        if (options.watermark()) {
            resources.put(GS, translucent);
        }
        PageContents.append(doc, page, stamp);
    }

    /**
     * The stamp's operators for a page with {@code frame}, in the page's user space; they name the fonts
     * {@link #fontName} and the transparency {@link #GS}.
     */
    byte[] draw(PageFrame frame, boolean firstPage) throws IOException {
        float s = frame.shortSide();
        float margin = clamp(s * 0.03f, 6, 28);
        float headerSize = clamp(s / 60, 5, 12);
        StampContent c = new StampContent().save().transform(frame.toUser());
        if (options.header()) {
            String mark = options.marking().mark();
            float w = glyphs.width(mark) * headerSize;
            line(c, StampRole.HEADER, mark, new Style(headerSize, RED, false), (frame.width() - w) / 2,
                    frame.height() - margin - headerSize * 0.8f);
        }
        Optional<String> footer = options.footer() ? options.footerText() : Optional.empty();
        if (footer.isPresent()) {
            float w = glyphs.width(footer.get()) * headerSize;
            line(c, StampRole.FOOTER, footer.get(), new Style(headerSize, RED, false), (frame.width() - w) / 2, margin);
        }
        if (options.watermark()) {
            watermark(c, frame);
        }
        if (firstPage) {
            block(c, frame, frame.height() - margin - headerSize * 1.8f);
        }
        if (options.marking().copy().isPresent()) {
            CovertMark.draw(c, frame, options.marking().copy().get().value());
        }
        c.restore();
        return c.bytes();
    }

    private void block(StampContent c, PageFrame frame, float top) throws IOException {
        float size = clamp(frame.shortSide() / 40, 6, 16);
        float x = clamp(frame.width() * 0.1f, 8, 72);
        float y = top - size;
        List<String> lines = options.firstPageBlock();
        String mark = options.marking().mark();
        for (String text : lines) {
            line(c, StampRole.BLOCK, text, new Style(size, BLACK, text.equals(mark)), x, y);
            y -= size * 1.4f;
        }
    }

    private void watermark(StampContent c, PageFrame frame) throws IOException {
        String text = options.marking().watermarkText();
        double angle = Math.atan2(frame.height(), frame.width());
        float diagonal = (float) Math.hypot(frame.width(), frame.height());
        float width = glyphs.width(text);
        float size = Math.min(0.7f * diagonal / Math.max(width, 0.01f), frame.shortSide() / 5);
        c.begin(StampRole.WATERMARK).save().op("gs", GS);
        c.transform(Matrix.getRotateInstance(angle, frame.width() / 2, frame.height() / 2));
        c.text(font(text), size, -width * size / 2, -size * 0.35f, glyphs.encode(text), GREY, false);
        c.restore().end();
    }

    private void line(StampContent c, StampRole role, String text, Style style, float x, float y) throws IOException {
        c.begin(role).text(font(text), style.size(), x, y, glyphs.encode(text), style.rgb(), style.bold()).end();
    }

    private COSName font(String text) throws IOException {
        int i = glyphs.fontIndex(text);
        fontsUsed.set(i);
        return fontName(i);
    }

    /** How a line of the stamp looks. */
    private record Style(float size, float[] rgb, boolean bold) {
    }

    private static float clamp(float v, float min, float max) {
        return Math.max(min, Math.min(max, v));
    }
}
