package dev.marking.core.format.pdf;

import dev.marking.core.format.StampOptions;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws our stamp on one page, laid out in reader coordinates ({@link PageFrame}): the running header
 * (the mark) centred at the top, the footer ({@code 第000123份}) centred at the bottom, a diagonal
 * semi-transparent watermark through the centre, and on the first page the GB/T 9704 block (份号,
 * mark in bold, urgency) at the top left, below the header.
 */
final class StampPainter {

    private static final float[] RED = {0.75f, 0f, 0f};
    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] GREY = {0.5f, 0.5f, 0.5f};
    private static final float WATERMARK_ALPHA = 0.25f;
    private static final COSName GS = COSName.getPDFName(StampRole.KEY + "GS");

    private final PDDocument doc;
    private final StampFonts fonts;
    private final StampOptions options;
    private final PDExtendedGraphicsState translucent;

    StampPainter(PDDocument doc, StampFonts fonts, StampOptions options) {
        this.doc = doc;
        this.fonts = fonts;
        this.options = options;
        this.translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(WATERMARK_ALPHA);
        translucent.setStrokingAlphaConstant(WATERMARK_ALPHA);
    }

    /** Stamps {@code page}; the block goes on the first page only. */
    void paint(PDPage page, boolean firstPage) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            resources = new PDResources();
        }
        if (page.getCOSObject().getDictionaryObject(COSName.RESOURCES) == null && resources.getCOSObject().size() == 0) {
            page.setResources(resources);
        }
        PageFrame frame = PageFrame.of(page);
        float s = frame.shortSide();
        float margin = clamp(s * 0.03f, 6, 28);
        float headerSize = clamp(s / 60, 5, 12);
        StampContent c = new StampContent().save().transform(frame.toUser());
        if (options.header()) {
            String mark = options.marking().mark();
            float w = width(mark, headerSize);
            line(c, resources, StampRole.HEADER, mark, new Style(headerSize, RED, false), (frame.width() - w) / 2,
                    frame.height() - margin - headerSize * 0.8f);
        }
        Optional<String> footer = options.footer() ? options.footerText() : Optional.empty();
        if (footer.isPresent()) {
            float w = width(footer.get(), headerSize);
            Style style = new Style(headerSize, RED, false);
            line(c, resources, StampRole.FOOTER, footer.get(), style, (frame.width() - w) / 2, margin);
        }
        if (options.watermark()) {
            watermark(c, resources, frame);
        }
        if (firstPage) {
            block(c, resources, frame, frame.height() - margin - headerSize * 1.8f);
        }
        c.restore();
        PageContents.append(doc, page, c.bytes());
    }

    private void block(StampContent c, PDResources resources, PageFrame frame, float top) throws IOException {
        float size = clamp(frame.shortSide() / 40, 6, 16);
        float x = clamp(frame.width() * 0.1f, 8, 72);
        float y = top - size;
        List<String> lines = options.firstPageBlock();
        String mark = options.marking().mark();
        for (String text : lines) {
            line(c, resources, StampRole.BLOCK, text, new Style(size, BLACK, text.equals(mark)), x, y);
            y -= size * 1.4f;
        }
    }

    private void watermark(StampContent c, PDResources resources, PageFrame frame) throws IOException {
        String text = options.marking().watermarkText();
        double angle = Math.atan2(frame.height(), frame.width());
        float diagonal = (float) Math.hypot(frame.width(), frame.height());
        float size = Math.min(0.7f * diagonal / Math.max(width(text, 1), 0.01f), frame.shortSide() / 5);
        PDType0Font font = fonts.fontFor(text);
        resources.put(GS, translucent);
        c.begin(StampRole.WATERMARK).save().op("gs", GS);
        c.transform(Matrix.getRotateInstance(angle, frame.width() / 2, frame.height() / 2));
        c.text(register(resources, font), size, -width(text, size) / 2, -size * 0.35f, encode(font, text), GREY, false);
        c.restore().end();
    }

    private void line(StampContent c, PDResources resources, StampRole role, String text, Style style, float x, float y)
            throws IOException {
        PDType0Font font = fonts.fontFor(text);
        c.begin(role).text(register(resources, font), style.size(), x, y, encode(font, text), style.rgb(), style.bold()).end();
    }

    /** How a line of the stamp looks. */
    private record Style(float size, float[] rgb, boolean bold) {
    }

    private float width(String text, float size) throws IOException {
        return fonts.fontFor(text).getStringWidth(text) / 1000f * size;
    }

    private COSName register(PDResources resources, PDType0Font font) {
        COSName name = COSName.getPDFName(StampRole.KEY + "F" + fonts.indexOf(font));
        if (resources.getCOSObject().getCOSDictionary(COSName.FONT) == null
                || !resources.getCOSObject().getCOSDictionary(COSName.FONT).containsKey(name)) {
            resources.put(name, font);
        }
        return name;
    }

    private static byte[] encode(PDType0Font font, String text) throws IOException {
        text.codePoints().forEach(font::addToSubset);
        return font.encode(text);
    }

    private static float clamp(float v, float min, float max) {
        return Math.max(min, Math.min(max, v));
    }
}
