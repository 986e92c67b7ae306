package dev.marking.core.format.docx;

import java.util.Locale;

/**
 * The diagonal watermark as Word itself writes it (Design › Watermark): a VML WordArt shape
 * ({@code v:textpath}) centred on the page margins, rotated 315°, light grey at half opacity, behind
 * the text. Word and LibreOffice both render this rotated and light; POI's {@code createWatermark()}
 * leaves out the rotation and fill and renders unrotated black in LibreOffice.
 */
final class WatermarkShape {

    /** Width of the shape; the text is stretched to fit, so the height follows the text's length. */
    private static final int WIDTH_PT = 440;
    private static final double MIN_HEIGHT_PT = 28;
    private static final double MAX_HEIGHT_PT = 110;
    private static final double LATIN_WIDTH = 0.55;
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

    /** The run holding a fresh watermark shape with {@code text}; each call gets unique shape ids. */
    String run(String text) {
        return run(text, heightText(text));
    }

    /** The same with the height given as text ({@link #heightText}), so a template can leave it open. */
    String run(String text, String height) {
        int n = next++;
        return "<w:r><w:rPr><w:noProof/></w:rPr><w:pict>" + SHAPETYPE
                + "<v:shape id=\"PowerPlusWaterMarkObject" + (FIRST_SPID + n) + "\" o:spid=\"_x0000_s" + (FIRST_SPID + n)
                + "\" type=\"#_x0000_t136\" style=\"position:absolute;margin-left:0;margin-top:0;width:" + WIDTH_PT
                + "pt;height:" + height + "pt;rotation:315;z-index:-251651072;mso-wrap-edited:f;"
                + "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
                + "mso-position-vertical:center;mso-position-vertical-relative:margin\" o:allowincell=\"f\""
                + " fillcolor=\"silver\" stroked=\"f\"><v:fill opacity=\".5\"/>"
                + "<v:textpath style=\"font-family:&quot;SimHei&quot;;font-size:1pt\" string=\""
                + Fragments.escape(text) + "\"/><w10:wrap anchorx=\"margin\" anchory=\"margin\"/></v:shape>"
                + "</w:pict></w:r>";
    }

    /** {@link #height} as written in the shape's style. */
    static String heightText(String text) {
        return String.format(Locale.ROOT, "%.1f", height(text));
    }

    /** Height for a text stretched over {@link #WIDTH_PT}: CJK characters are square, Latin ones narrower. */
    static double height(String text) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) < 0x2E80 ? LATIN_WIDTH : 1;
        }
        double h = (double) WIDTH_PT / Math.max(units, 1);
        return Math.max(MIN_HEIGHT_PT, Math.min(MAX_HEIGHT_PT, h));
    }
}
