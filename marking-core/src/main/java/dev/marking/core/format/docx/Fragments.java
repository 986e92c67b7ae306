package dev.marking.core.format.docx;

import dev.marking.core.format.ooxml.XmlFragments;
import java.util.List;

/** The WordprocessingML we insert, as text: each fragment is one {@code w:sdt} tagged {@code marking.*}. */
final class Fragments {

    /** 三号 (16 pt) in half-points, the GB/T 9704 size of the first-page block. */
    private static final int SIZE_SAN_HAO = 32;
    /** 小四 (12 pt) for the running header and footer. */
    private static final int SIZE_XIAO_SI = 24;
    private static final String NS = "xmlns:w=\"" + Wml.W + "\" xmlns:v=\"" + Wml.V + "\""
            + " xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w10=\"urn:schemas-microsoft-com:office:word\"";
    /** 黑体 with its Latin name, so Word and LibreOffice find SimHei or substitute a CJK sans. */
    private static final String HEITI = "<w:rFonts w:ascii=\"SimHei\" w:hAnsi=\"SimHei\""
            + " w:eastAsia=\"" + FontFallback.HEITI + "\" w:cs=\"SimHei\" w:hint=\"eastAsia\"/>";
    private static final String ARABIC = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""
            + " w:eastAsia=\"" + FontFallback.HEITI + "\" w:cs=\"Times New Roman\"/>";

    private Fragments() {
    }

    /** The first-page block: copy number, mark (bold 黑体), urgency, as separate paragraphs. */
    static String block(List<String> lines, int markLine) {
        StringBuilder sb = new StringBuilder(open(OurContent.BLOCK, "密级和保密期限"));
        for (int i = 0; i < lines.size(); i++) {
            String font = i >= markLine ? HEITI : ARABIC;
            String bold = i == markLine ? "<w:b/><w:bCs/>" : "";
            sb.append("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr>")
                    .append(run(font + bold + size(SIZE_SAN_HAO), lines.get(i))).append("</w:p>");
        }
        return sb.append(close()).toString();
    }

    /** The running header paragraph with the mark, optionally carrying the watermark shape. */
    static String header(String mark, String watermarkShape) {
        return open(OurContent.HEADER, "密级标志")
                + "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr>"
                + watermarkShape + run(HEITI + "<w:b/><w:bCs/>" + size(SIZE_XIAO_SI), mark) + "</w:p>" + close();
    }

    /** A paragraph holding only the watermark shape (when the running header is switched off) and {@code covert}. */
    static String watermarkOnly(String watermarkShape, String covert) {
        String covertRun = covert.isEmpty() ? "" : run("", covert);
        return open(OurContent.WATERMARK, "水印") + "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr>"
                + watermarkShape + covertRun + "</w:p>" + close();
    }

    /** The footer paragraph with the copy number ({@code 第000123份}), centred. */
    static String footer(String text) {
        return open(OurContent.FOOTER, "份号") + "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>"
                + "<w:jc w:val=\"center\"/></w:pPr>" + run(HEITI + size(SIZE_XIAO_SI), text) + "</w:p>" + close();
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

    private static String open(String tag, String alias) {
        return "<w:sdt " + NS + "><w:sdtPr><w:alias w:val=\"" + alias + "\"/><w:tag w:val=\"" + tag + "\"/>"
                + "</w:sdtPr><w:sdtContent>";
    }

    private static String close() {
        return "</w:sdtContent></w:sdt>";
    }

    private static String size(int halfPoints) {
        return "<w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints + "\"/>";
    }

    private static String run(String rPr, String text) {
        return "<w:r><w:rPr>" + rPr + "</w:rPr><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
    }

    /** XML-escapes text for element content and attribute values. */
    static String escape(String s) {
        return XmlFragments.escape(s);
    }
}
