package dev.marking.core.format.odf;

import java.util.List;
import java.util.Locale;

/**
 * The ODF we write, as text: our common styles (named {@code Marking_20_…}, which LibreOffice keeps on
 * re-save, so a restamp finds and replaces them), the header, footer and block paragraphs, and the
 * watermark as LibreOffice writes its own (Format › Watermark): a fontwork custom shape in the header,
 * rotated 45°, light grey at half opacity, behind the text, centred on the page.
 */
final class OdfFragments {

    /** Prefix of our style names: {@code Marking_20_Header} shows as "Marking Header". */
    static final String STYLE_PREFIX = "Marking_20_";
    /** Prefix of our automatic styles in content.xml. */
    static final String AUTO_PREFIX = "MarkingAuto";
    static final String HEADER = STYLE_PREFIX + "Header";
    static final String FOOTER = STYLE_PREFIX + "Footer";
    static final String BLOCK = STYLE_PREFIX + "Block";
    static final String BLOCK_MARK = STYLE_PREFIX + "Block_20_Mark";
    static final String WATERMARK = STYLE_PREFIX + "Watermark";
    static final String WATERMARK_TEXT = STYLE_PREFIX + "Watermark_20_Text";
    /** The automatic style of our first block line when it must start the first page's master page. */
    static final String BLOCK_START = AUTO_PREFIX + "BlockStart";
    /** A copy of the first paragraph's style without its master page (our block now starts the page). */
    static final String KEEP = AUTO_PREFIX + "Keep";

    static final String NS = "xmlns:office=\"" + OdfXml.OFFICE + "\" xmlns:style=\"" + OdfXml.STYLE + "\" xmlns:text=\""
            + OdfXml.TEXT + "\" xmlns:draw=\"" + OdfXml.DRAW + "\" xmlns:fo=\"" + OdfXml.FO + "\" xmlns:svg=\""
            + OdfXml.SVG + "\" xmlns:table=\"" + OdfXml.TABLE + "\"";

    /** 黑体 with its Latin name, as the DOCX stamp writes it, so LibreOffice finds SimHei or a CJK sans. */
    private static final String HEITI = "fo:font-family=\"SimHei\" style:font-family-asian=\"黑体\""
            + " style:font-family-complex=\"SimHei\"";
    private static final String ARABIC = "fo:font-family=\"'Times New Roman'\" style:font-family-asian=\"黑体\"";
    private static final String FLUSH_LEFT = "<style:paragraph-properties fo:margin-left=\"0cm\" fo:margin-right=\"0cm\""
            + " fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:text-indent=\"0cm\" fo:text-align=\"start\"/>";
    /** Watermark width; the text is stretched to fit, so the height follows the text's length. */
    private static final double WIDTH_CM = 15.5;
    private static final double MIN_HEIGHT_CM = 1.0;
    private static final double MAX_HEIGHT_CM = 3.9;
    private static final double LATIN_WIDTH = 0.55;
    private static final String FONTWORK = "<draw:enhanced-geometry svg:viewBox=\"0 0 21600 21600\""
            + " draw:text-areas=\"0 0 21600 21600\" draw:text-path=\"true\" draw:text-path-mode=\"shape\""
            + " draw:text-path-scale=\"path\" draw:text-path-same-letter-heights=\"false\""
            + " draw:type=\"fontwork-plain-text\" draw:modifiers=\"10800\""
            + " draw:enhanced-path=\"M ?f3 0 L ?f5 0 N M ?f6 21600 L ?f7 21600 N\">"
            + "<draw:equation draw:name=\"f0\" draw:formula=\"$0 -10800\"/>"
            + "<draw:equation draw:name=\"f1\" draw:formula=\"?f0 *2\"/>"
            + "<draw:equation draw:name=\"f2\" draw:formula=\"abs(?f1 )\"/>"
            + "<draw:equation draw:name=\"f3\" draw:formula=\"if(?f1 ,0,?f2 )\"/>"
            + "<draw:equation draw:name=\"f4\" draw:formula=\"21600-?f2 \"/>"
            + "<draw:equation draw:name=\"f5\" draw:formula=\"if(?f1 ,?f4 ,21600)\"/>"
            + "<draw:equation draw:name=\"f6\" draw:formula=\"if(?f1 ,?f2 ,0)\"/>"
            + "<draw:equation draw:name=\"f7\" draw:formula=\"if(?f1 ,21600,?f4 )\"/>"
            + "<draw:handle draw:handle-position=\"$0 21600\" draw:handle-range-x-minimum=\"6629\""
            + " draw:handle-range-x-maximum=\"14971\"/></draw:enhanced-geometry>";

    private OdfFragments() {
    }

    /** Our common styles, for {@code office:styles} of styles.xml. */
    static List<String> styles() {
        return List.of(
                paragraph(BLOCK, "Marking Block", FLUSH_LEFT + "<style:text-properties " + ARABIC
                        + " fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" style:font-size-complex=\"16pt\"/>"),
                "<style:style " + NS + " style:name=\"" + BLOCK_MARK + "\" style:display-name=\"Marking Block Mark\""
                        + " style:family=\"paragraph\" style:parent-style-name=\"" + BLOCK + "\"><style:text-properties "
                        + HEITI + " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\""
                        + " style:font-weight-complex=\"bold\"/></style:style>",
                paragraph(HEADER, "Marking Header", FLUSH_LEFT + "<style:text-properties " + HEITI
                        + " fo:font-size=\"12pt\" style:font-size-asian=\"12pt\" fo:font-weight=\"bold\""
                        + " style:font-weight-asian=\"bold\"/>"),
                paragraph(FOOTER, "Marking Footer", "<style:paragraph-properties fo:margin-top=\"0cm\""
                        + " fo:margin-bottom=\"0cm\" fo:text-align=\"center\"/><style:text-properties " + HEITI
                        + " fo:font-size=\"12pt\" style:font-size-asian=\"12pt\"/>"));
    }

    /**
     * The watermark's styles, for {@code office:automatic-styles} of styles.xml, where LibreOffice looks for
     * the styles of shapes in headers: the shape (light grey at half opacity, behind the text) and its text,
     * whose {@code loext:graphic-properties} give fontwork its fill.
     */
    static List<String> watermarkStyles() {
        String fill = "draw:fill=\"solid\" draw:fill-color=\"#c0c0c0\" draw:opacity=\"50%\"";
        return List.of(
                "<style:style " + NS + " xmlns:loext=\"" + OdfXml.LOEXT + "\" style:name=\"" + WATERMARK_TEXT
                        + "\" style:family=\"paragraph\"><loext:graphic-properties " + fill + "/><style:text-properties "
                        + HEITI + " fo:font-size=\"1pt\" style:font-size-asian=\"1pt\"/></style:style>",
                "<style:style " + NS + " style:name=\"" + WATERMARK + "\" style:family=\"graphic\">"
                        + "<style:graphic-properties draw:stroke=\"none\" " + fill + " draw:auto-grow-height=\"false\""
                        + " draw:auto-grow-width=\"false\" draw:textarea-vertical-align=\"top\""
                        + " style:run-through=\"background\" style:wrap=\"run-through\""
                        + " style:number-wrapped-paragraphs=\"no-limit\" style:vertical-pos=\"from-top\""
                        + " style:vertical-rel=\"page\" style:horizontal-pos=\"from-left\""
                        + " style:horizontal-rel=\"page\" style:flow-with-text=\"false\"/></style:style>");
    }

    private static String paragraph(String name, String display, String properties) {
        return "<style:style " + NS + " style:name=\"" + name + "\" style:display-name=\"" + display
                + "\" style:family=\"paragraph\">" + properties + "</style:style>";
    }

    /**
     * The header paragraph: the running mark (when given) and the watermark shape (when given), centred on
     * {@code page}'s text area.
     */
    static String header(String mark, String watermark, PageArea page) {
        return "<text:p " + NS + " text:style-name=\"" + HEADER + "\">"
                + (watermark == null ? "" : shape(watermark, page)) + (mark == null ? "" : escape(mark)) + "</text:p>";
    }

    static String footer(String text) {
        return "<text:p " + NS + " text:style-name=\"" + FOOTER + "\">" + escape(text) + "</text:p>";
    }

    /**
     * The first-page block, one paragraph per line; the mark line bold 黑体. {@code startStyle}, when not
     * null, is the style of the first line (it starts the first page's master page).
     */
    static String block(List<String> lines, int markLine, String startStyle) {
        StringBuilder sb = new StringBuilder("<text:section " + NS + " text:name=\"marking-block\">");
        for (int i = 0; i < lines.size(); i++) {
            String style = i == 0 && startStyle != null ? startStyle : i >= markLine ? BLOCK_MARK : BLOCK;
            sb.append("<text:p text:style-name=\"").append(style).append("\">").append(escape(lines.get(i)))
                    .append("</text:p>");
        }
        return sb.append("</text:section>").toString();
    }

    /** The automatic style of the first block line: {@code parent} (ours) starting master page {@code master}. */
    static String startStyle(String parent, String master) {
        return "<style:style " + NS + " style:name=\"" + BLOCK_START + "\" style:family=\"paragraph\""
                + " style:parent-style-name=\"" + parent + "\" style:master-page-name=\"" + escape(master) + "\"/>";
    }

    /**
     * The shape, turned 45° counter-clockwise about its top-left corner ({@code rotate} then {@code translate},
     * relative to the page's text area), with its centre on the centre of that area.
     */
    private static String shape(String text, PageArea page) {
        double height = height(text);
        double half = Math.sqrt(0.5) / 2;
        double x = page.width() / 2 - (WIDTH_CM + height) * half;
        double y = page.height() / 2 - (height - WIDTH_CM) * half;
        return String.format(Locale.ROOT, "<draw:custom-shape text:anchor-type=\"char\" draw:z-index=\"0\""
                + " draw:name=\"%s\" draw:style-name=\"%s\" draw:text-style-name=\"%s\" svg:width=\"%.2fcm\""
                + " svg:height=\"%.2fcm\" draw:transform=\"rotate (0.785398163397448) translate (%.2fcm %.2fcm)\">"
                + "<text:p text:style-name=\"%s\">%s</text:p>%s</draw:custom-shape>", OdtStamper.WATERMARK_NAME,
                WATERMARK, WATERMARK_TEXT, WIDTH_CM, height, x, y, WATERMARK_TEXT, escape(text), FONTWORK);
    }

    /** Height for a text stretched over the width: CJK characters are square, Latin ones narrower. */
    static double height(String text) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) < 0x2E80 ? LATIN_WIDTH : 1;
        }
        return Math.max(MIN_HEIGHT_CM, Math.min(MAX_HEIGHT_CM, WIDTH_CM / Math.max(units, 1)));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
