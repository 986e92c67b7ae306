package dev.marking.core.format.docx;

import dev.marking.core.format.StampStyle;
import java.util.Locale;

/**
 * The diagonal watermark, centred on the page, rotated 315°, in {@link StampStyle}'s grey and opacity. For Word
 * 2010 and later and LibreOffice a DrawingML shape whose geometry is the text's glyph outlines
 * ({@link WatermarkOutline}), named {@code MarkingWatermark…} with the text as its description: it needs nothing
 * outside its header part, so LibreOffice keeps it on every page through a save. As the {@code mc:Fallback},
 * what Word itself writes (Design › Watermark): a VML WordArt shape ({@code v:textpath}). It
 * stands in front of the text, so white-filled table cells cannot hide it (its id is our own: LibreOffice
 * sends shapes named {@code PowerPlusWaterMarkObject…}, Word's watermarks, behind the text), and keeps its size: the
 * shape is as wide as its longest line at {@link StampStyle#WATERMARK_PT} (WordArt stretches text to
 * its shape), and a long recipient goes to a second line ({@link StampStyle#watermarkLines}). Word and
 * LibreOffice both render this rotated; POI's {@code createWatermark()} renders unrotated black.
 */
final class WatermarkShape {

    /** Height of one line of WordArt text, in multiples of its size. */
    private static final double LINE_HEIGHT = 0.95;
    /** 315° (clockwise, as VML's {@code rotation:315}) in DrawingML's 60,000ths of a degree. */
    private static final int ROTATION = 315 * 60_000;
    /** Shape ids far above the ones Word hands out, so ours never collide with the user's. */
    private static final int FIRST_SPID = 61_441;

    /** Word's preset shape type 136 (plain text WordArt), with its formulas. */
    private static final String SHAPETYPE = "<v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\""
            + " adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\"><v:formulas>"
            + "<v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/><v:f eqn=\"sum 21600 0 @1\"/>"
            + "<v:f eqn=\"sum 0 0 @2\"/><v:f eqn=\"sum 21600 0 @3\"/><v:f eqn=\"if @0 @3 0\"/>"
            + "<v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/><v:f eqn=\"if @0 @4 21600\"/>"
            + "<v:f eqn=\"mid @5 @6\"/><v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/><v:f eqn=\"mid @6 @7\"/>"
            + "<v:f eqn=\"sum @6 0 @5\"/></v:formulas><v:path textpathok=\"t\" o:connecttype=\"custom\""
            + " o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" o:connectangles=\"270,180,90,0\"/>"
            + "<v:textpath on=\"t\" fitshape=\"t\"/><v:handles><v:h position=\"#0,bottomRight\" xrange=\"6629,14971\"/>"
            + "</v:handles><o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>";

    private int next;

    /**
     * The run holding a fresh watermark with {@code texts}' lines: the glyph outlines as a DrawingML shape, which
     * Word 2010 and later and LibreOffice read, and the VML WordArt as the fallback for older readers. Each
     * call gets unique shape ids.
     */
    String run(CopyTexts texts) {
        int id = FIRST_SPID + next++;
        return "<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent xmlns:mc=\"" + Wml.MC + "\" xmlns:wps=\"" + Wml.WPS
                + "\"><mc:Choice Requires=\"wps\">" + drawing(texts, id) + "</mc:Choice><mc:Fallback>"
                + pict(texts.watermark(), texts.watermarkBox(), id) + "</mc:Fallback></mc:AlternateContent></w:r>";
    }

    /** The DrawingML shape: {@link WatermarkOutline}'s glyphs, centred on the page, rotated 315°, grey at the opacity. */
    private static String drawing(CopyTexts texts, int id) {
        String w = texts.outlineWidth();
        String h = texts.outlineHeight();
        return "<w:drawing><wp:anchor xmlns:wp=\"" + Wml.WP + "\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\""
                + " simplePos=\"0\" relativeHeight=\"251659264\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"0\""
                + " allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
                + "<wp:positionH relativeFrom=\"page\"><wp:align>center</wp:align></wp:positionH>"
                + "<wp:positionV relativeFrom=\"page\"><wp:align>center</wp:align></wp:positionV>"
                + "<wp:extent cx=\"" + w + "\" cy=\"" + h + "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>"
                + "<wp:docPr id=\"" + id + "\" name=\"MarkingWatermark" + id + "\" descr=\""
                + Fragments.escape(texts.watermark()) + "\"/><wp:cNvGraphicFramePr/>"
                + "<a:graphic xmlns:a=\"" + Wml.A + "\"><a:graphicData uri=\"" + Wml.WPS + "\"><wps:wsp><wps:cNvSpPr/>"
                + "<wps:spPr><a:xfrm rot=\"" + ROTATION + "\"><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + w + "\" cy=\"" + h
                + "\"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" b=\"b\"/>"
                + "<a:pathLst>" + texts.outlinePath() + "</a:pathLst></a:custGeom><a:solidFill><a:srgbClr val=\""
                + StampStyle.hex(StampStyle.WATERMARK_RGB) + "\"><a:alpha val=\""
                + Math.round(StampStyle.WATERMARK_OPACITY * 100_000) + "\"/></a:srgbClr></a:solidFill><a:ln><a:noFill/></a:ln>"
                + "</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>";
    }

    /** The VML WordArt shape with {@code lines} and the size {@code box} ({@link #box}, or a template's placeholder). */
    private static String pict(String lines, String box, int id) {
        return "<w:pict>" + SHAPETYPE
                + "<v:shape id=\"MarkingWatermark" + id + "\" o:spid=\"_x0000_s" + id
                + "\" type=\"#_x0000_t136\" style=\"position:absolute;margin-left:0;margin-top:0;" + box
                + ";rotation:315;z-index:251659264;mso-wrap-edited:f;"
                + "mso-position-horizontal:center;mso-position-horizontal-relative:page;"
                + "mso-position-vertical:center;mso-position-vertical-relative:page\" o:allowincell=\"f\""
                + " fillcolor=\"#" + StampStyle.hex(StampStyle.WATERMARK_RGB) + "\" stroked=\"f\">"
                + String.format(Locale.ROOT, "<v:fill opacity=\"%.2f\"/>", StampStyle.WATERMARK_OPACITY)
                + "<v:textpath style=\"font-family:&quot;" + StampStyle.HEITI_LATIN + "&quot;;font-size:1pt\" string=\""
                + Fragments.escape(lines) + "\"/><w10:wrap anchorx=\"page\" anchory=\"page\"/></v:shape></w:pict>";
    }

    /** The shape's size for {@code lines} (joined by line breaks) at the watermark's size, as VML style text. */
    static String box(String lines) {
        double width = 0;
        String[] split = lines.split("\n");
        for (String line : split) {
            width = Math.max(width, StampStyle.em(line));
        }
        double height = split.length * LINE_HEIGHT;
        return String.format(Locale.ROOT, "width:%.1fpt;height:%.1fpt", width * StampStyle.WATERMARK_PT,
                height * StampStyle.WATERMARK_PT);
    }
}
