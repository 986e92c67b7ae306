package dev.marking.core.format.docx;

import dev.marking.core.format.CjkFontFiles;
import dev.marking.core.format.StampStyle;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The watermark's lines as the outlines of their glyphs: the geometry ({@code a:custGeom}) of the DrawingML
 * watermark shape. A shape's own geometry needs nothing from any other part, so every header keeps its
 * watermark through a LibreOffice save (LibreOffice 7.4 writes the VML text-path type into the first header
 * part only and shows no other header's text-path watermark after it reopens the file), and LibreOffice turns
 * a shape, unlike a text box, with its rotation. The glyphs are Noto Sans SC's, bundled with marking, so the
 * shape looks the same on every machine. Path coordinates are font units, top-down; each line is centred.
 *
 * @param width  the shape's width in EMU
 * @param height the shape's height in EMU
 * @param path   the {@code a:path} element with the glyph outlines
 */
record WatermarkOutline(long width, long height, String path) {

    /** EMU per point. */
    private static final int EMU_PER_PT = 12_700;
    /** Line pitch and the baseline's depth in its line, in ems. */
    private static final double LINE = 1.1;
    private static final double BASELINE = 0.92;

    /** The outlines of {@code lines} (joined by line breaks) at {@link StampStyle#WATERMARK_PT}. */
    static WatermarkOutline of(String lines) {
        return Font.INSTANCE.outline(lines.split("\n"));
    }

    /** The bundled font, read once; fontbox reads glyphs lazily, so it is used under a lock. */
    private static final class Font {

        static final Font INSTANCE = load();

        private final TrueTypeFont ttf;
        private final CmapLookup cmap;
        private final int unitsPerEm;

        private Font(TrueTypeFont ttf) throws IOException {
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup();
            this.unitsPerEm = ttf.getUnitsPerEm();
        }

        private static Font load() {
            try (InputStream in = CjkFontFiles.openBundled()) {
                return new Font(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled font " + CjkFontFiles.BUNDLED, e);
            }
        }

        synchronized WatermarkOutline outline(String[] lines) {
            try {
                long pitch = Math.round(LINE * unitsPerEm);
                long[] widths = new long[lines.length];
                long width = 1;
                for (int i = 0; i < lines.length; i++) {
                    for (int cp : lines[i].codePoints().toArray()) {
                        widths[i] += ttf.getAdvanceWidth(glyph(cp));
                    }
                    width = Math.max(width, widths[i]);
                }
                long height = pitch * lines.length;
                StringBuilder path = new StringBuilder("<a:path w=\"").append(width).append("\" h=\"").append(height)
                        .append("\">");
                for (int i = 0; i < lines.length; i++) {
                    double x = (width - widths[i]) / 2.0;
                    double baseline = i * pitch + BASELINE * unitsPerEm;
                    for (int cp : lines[i].codePoints().toArray()) {
                        int gid = glyph(cp);
                        GlyphData g = ttf.getGlyph().getGlyph(gid);
                        if (g != null) {
                            append(path, g.getPath(), x, baseline);
                        }
                        x += ttf.getAdvanceWidth(gid);
                    }
                }
                path.append("</a:path>");
                double emuPerUnit = StampStyle.WATERMARK_PT * EMU_PER_PT / (double) unitsPerEm;
                return new WatermarkOutline(Math.round(width * emuPerUnit), Math.round(height * emuPerUnit),
                        path.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read glyphs of the bundled font " + CjkFontFiles.BUNDLED, e);
            }
        }

        private int glyph(int cp) throws IOException {
            int gid = cmap.getGlyphId(cp);
            return gid == 0 && Character.isWhitespace(cp) ? cmap.getGlyphId(' ') : gid;
        }

        /** Appends the glyph's outline (font units, y up) placed at {@code x} on {@code baseline} (y down). */
        private static void append(StringBuilder out, GeneralPath glyph, double x, double baseline) {
            double[] c = new double[6];
            boolean open = false;
            for (PathIterator it = glyph.getPathIterator(null); !it.isDone(); it.next()) {
                switch (it.currentSegment(c)) {
                    case PathIterator.SEG_MOVETO -> {
                        if (open) {
                            out.append("<a:close/>");
                        }
                        out.append("<a:moveTo>").append(pt(c[0], c[1], x, baseline)).append("</a:moveTo>");
                        open = true;
                    }
                    case PathIterator.SEG_LINETO -> out.append("<a:lnTo>").append(pt(c[0], c[1], x, baseline))
                            .append("</a:lnTo>");
                    case PathIterator.SEG_QUADTO -> out.append("<a:quadBezTo>").append(pt(c[0], c[1], x, baseline))
                            .append(pt(c[2], c[3], x, baseline)).append("</a:quadBezTo>");
                    case PathIterator.SEG_CUBICTO -> out.append("<a:cubicBezTo>").append(pt(c[0], c[1], x, baseline))
                            .append(pt(c[2], c[3], x, baseline)).append(pt(c[4], c[5], x, baseline))
                            .append("</a:cubicBezTo>");
                    default -> {
                        out.append("<a:close/>");
                        open = false;
                    }
                }
            }
            if (open) {
                out.append("<a:close/>");
            }
        }

        private static String pt(double gx, double gy, double x, double baseline) {
            return "<a:pt x=\"" + Math.round(x + gx) + "\" y=\"" + Math.round(baseline - gy) + "\"/>";
        }
    }
}
