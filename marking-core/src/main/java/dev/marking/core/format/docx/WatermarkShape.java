package dev.marking.core.format.docx;

import dev.marking.core.format.StampStyle;
import java.util.Locale;

/**
 * The diagonal watermark as Word itself writes it (Design › Watermark): a VML WordArt shape
 * ({@code v:textpath}) centred on the page, rotated 315°, in {@link StampStyle}'s grey and opacity. It
 * stands in front of the text, so white-filled table cells cannot hide it (its id is our own: LibreOffice
 * sends shapes named {@code PowerPlusWaterMarkObject…}, Word's watermarks, behind the text), and keeps its size: the
 * shape is as wide as its longest line at {@link StampStyle#WATERMARK_PT} (WordArt stretches text to
 * its shape), and a long recipient goes to a second line ({@link StampStyle#watermarkLines}). Word and
 * LibreOffice both render this rotated; POI's {@code createWatermark()} renders unrotated black.
 */
final class WatermarkShape {

    /** Height of one line of WordArt text, in multiples of its size. */
    private static final double LINE_HEIGHT = 0.95;
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

    /** The run holding a fresh watermark shape with {@code lines}; each call gets unique shape ids. */
    String run(String lines) {
        return run(lines, box(lines));
    }

    /** The same with the shape's size given as style text ({@link #box}), so a template can leave it open. */
    String run(String lines, String box) {
        int n = next++;
        return "<w:r><w:rPr><w:noProof/></w:rPr><w:pict>" + SHAPETYPE
                + "<v:shape id=\"MarkingWatermark" + (FIRST_SPID + n) + "\" o:spid=\"_x0000_s" + (FIRST_SPID + n)
                + "\" type=\"#_x0000_t136\" style=\"position:absolute;margin-left:0;margin-top:0;" + box
                + ";rotation:315;z-index:251659264;mso-wrap-edited:f;"
                + "mso-position-horizontal:center;mso-position-horizontal-relative:page;"
                + "mso-position-vertical:center;mso-position-vertical-relative:page\" o:allowincell=\"f\""
                + " fillcolor=\"#" + StampStyle.hex(StampStyle.WATERMARK_RGB) + "\" stroked=\"f\">"
                + String.format(Locale.ROOT, "<v:fill opacity=\"%.2f\"/>", StampStyle.WATERMARK_OPACITY)
                + "<v:textpath style=\"font-family:&quot;" + StampStyle.HEITI_LATIN + "&quot;;font-size:1pt\" string=\""
                + Fragments.escape(lines) + "\"/><w10:wrap anchorx=\"page\" anchory=\"page\"/></v:shape>"
                + "</w:pict></w:r>";
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
