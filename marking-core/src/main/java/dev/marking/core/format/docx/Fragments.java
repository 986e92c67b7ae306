package dev.marking.core.format.docx;

import dev.marking.core.format.StampStyle;
import dev.marking.core.format.ooxml.XmlFragments;
import java.util.List;

/**
 * The WordprocessingML we insert, as text. Every paragraph carries one of our paragraph styles
 * ({@link StampStyles}): that is how a restamp finds it again, also after LibreOffice, WPS or Word
 * re-saved the file (they keep paragraph styles; LibreOffice drops the tags of block-level content
 * controls and repeats their text). The runs repeat the style's look as direct formatting, so a
 * document whose styles were reset still shows it.
 */
final class Fragments {

    private static final String NS = "xmlns:w=\"" + Wml.W + "\" xmlns:v=\"" + Wml.V + "\""
            + " xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w10=\"urn:schemas-microsoft-com:office:word\"";

    private Fragments() {
    }

    /**
     * The first-page block: copy number (Arabic digits), mark and urgency (黑体, bold), 3号 on A4 ({@code scale}
     * for other paper, {@link StampStyle#scale}), one paragraph each.
     */
    static String block(List<String> lines, int markLine, float scale) {
        StringBuilder sb = new StringBuilder("<w:body " + NS + ">");
        for (int i = 0; i < lines.size(); i++) {
            float pt = StampStyle.size(StampStyle.BLOCK_PT, scale);
            String rPr = i >= markLine ? StampStyles.heiti(pt, StampStyle.BLOCK_RGB, true)
                    : StampStyles.digits(pt, StampStyle.BLOCK_RGB);
            sb.append(paragraph(StampStyles.BLOCK, "left", "", run(rPr, lines.get(i))));
        }
        return sb.append("</w:body>").toString();
    }

    /** The running header paragraph with the mark, optionally carrying the watermark shape. */
    static String header(String mark, String watermarkShape, float scale) {
        String rPr = StampStyles.heiti(StampStyle.size(StampStyle.RUNNING_PT, scale), StampStyle.RUNNING_RGB, true);
        return "<w:body " + NS + ">" + paragraph(StampStyles.HEADER, "center", watermarkShape, run(rPr, mark))
                + "</w:body>";
    }

    /** A paragraph holding only the watermark shape (when the running header is switched off) and {@code covert}. */
    static String watermarkOnly(String watermarkShape, String covert) {
        String covertRun = covert.isEmpty() ? "" : run("", covert);
        return "<w:body " + NS + ">" + paragraph(StampStyles.WATERMARK, "center", watermarkShape, covertRun)
                + "</w:body>";
    }

    /** The footer paragraph with the copy number ({@code 第000123份}), centred. */
    static String footer(String text, float scale) {
        String rPr = StampStyles.heiti(StampStyle.size(StampStyle.RUNNING_PT, scale), StampStyle.RUNNING_RGB, false);
        return "<w:body " + NS + ">" + paragraph(StampStyles.FOOTER, "center", "", run(rPr, text)) + "</w:body>";
    }

    /** An empty body-level section properties element. */
    static String sectPr() {
        return "<w:sectPr " + NS + "/>";
    }

    /** A header or footer reference ({@code kind} = header/footer) for a section's properties. */
    static String reference(String kind, String type, String rid) {
        return "<w:" + kind + "Reference " + NS + " xmlns:r=\"" + Wml.R + "\" w:type=\"" + type + "\" r:id=\""
                + escape(rid) + "\"/>";
    }

    private static String paragraph(String style, String jc, String before, String runs) {
        return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/><w:spacing w:before=\"0\" w:after=\"0\"/>"
                + "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"" + jc + "\"/></w:pPr>" + before
                + runs + "</w:p>";
    }

    private static String run(String rPr, String text) {
        return "<w:r><w:rPr>" + rPr + "</w:rPr><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
    }

    /**
     * XML-escapes text for element content and attribute values of a fragment parsed into the document;
     * a line break becomes {@link AttributeBreaks#MARK}, which writing the package turns back into one.
     */
    static String escape(String s) {
        return written(s).replace("&#10;", "&#" + (int) AttributeBreaks.MARK + ";");
    }

    /** XML-escapes text that goes straight into the written package's bytes (a copy's values): {@code &#10;} for a break. */
    static String written(String s) {
        return XmlFragments.escape(s).replace("\n", "&#10;");
    }
}
