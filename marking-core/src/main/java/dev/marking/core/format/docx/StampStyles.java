package dev.marking.core.format.docx;

import dev.marking.core.format.StampStyle;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.w3c.dom.Element;

/**
 * Our paragraph styles, the mark by which a restamp finds what we added ({@link OurContent}) and the
 * place {@link StampStyle}'s look is written down once per document: {@code MarkingBlock} (3号, black),
 * {@code MarkingHeader} and {@code MarkingFooter} (小四 黑体, red, centred), {@code MarkingWatermark}.
 * LibreOffice, WPS and Word keep a paragraph style and its id through a re-save.
 */
final class StampStyles {

    static final String BLOCK = "MarkingBlock";
    static final String HEADER = "MarkingHeader";
    static final String FOOTER = "MarkingFooter";
    static final String WATERMARK = "MarkingWatermark";
    static final Set<String> ALL = Set.of(BLOCK, HEADER, FOOTER, WATERMARK);

    private StampStyles() {
    }

    /** True for a paragraph ({@code w:p}) in one of our styles. */
    static boolean isOurs(Element p) {
        return Wml.childW(p, "pPr").flatMap(pPr -> Wml.childW(pPr, "pStyle")).map(s -> ALL.contains(Wml.val(s)))
                .orElse(false);
    }

    /** Run properties: 黑体 at {@code pt} in {@code rgb}, bold when asked (黑体 has no bold face of its own). */
    static String heiti(float pt, int rgb, boolean bold) {
        return "<w:rFonts w:ascii=\"" + StampStyle.HEITI_LATIN + "\" w:hAnsi=\"" + StampStyle.HEITI_LATIN
                + "\" w:eastAsia=\"" + StampStyle.HEITI + "\" w:cs=\"" + StampStyle.HEITI_LATIN + "\" w:hint=\"eastAsia\"/>"
                + (bold ? "<w:b/><w:bCs/>" : "") + colour(rgb) + size(pt);
    }

    /** Run properties of the copy number: Arabic digits in a serif face at {@code pt}. */
    static String digits(float pt, int rgb) {
        return "<w:rFonts w:ascii=\"" + StampStyle.DIGITS_FONT + "\" w:hAnsi=\"" + StampStyle.DIGITS_FONT
                + "\" w:eastAsia=\"" + StampStyle.HEITI + "\" w:cs=\"" + StampStyle.DIGITS_FONT + "\"/>" + colour(rgb)
                + size(pt);
    }

    /**
     * Writes our four styles, sized for paper {@code scale} ({@link StampStyle#scale}), into the document's
     * style part (created when missing), replacing earlier versions.
     */
    static void declare(XWPFDocument doc, float scale) {
        XWPFStyles styles = doc.getStyles();
        if (styles == null) {
            styles = doc.createStyles();
        }
        CTStyles ct = styles.getCtStyles();
        Element root = (Element) ct.getDomNode();
        for (Element s : Wml.children(root)) {
            if (Wml.isW(s, "style") && ALL.contains(Wml.attr(s, Wml.W, "styleId"))) {
                try (XmlCursor c = XmlBeans.nodeToCursor(s)) {
                    c.removeXml();
                }
            }
        }
        StringBuilder sb = new StringBuilder("<w:styles xmlns:w=\"" + Wml.W + "\">");
        sb.append(style(BLOCK, "Marking Block", "left",
                StampStyles.heiti(StampStyle.size(StampStyle.BLOCK_PT, scale), StampStyle.BLOCK_RGB, false)));
        sb.append(style(HEADER, "Marking Header", "center",
                StampStyles.heiti(StampStyle.size(StampStyle.RUNNING_PT, scale), StampStyle.RUNNING_RGB, true)));
        sb.append(style(FOOTER, "Marking Footer", "center",
                StampStyles.heiti(StampStyle.size(StampStyle.RUNNING_PT, scale), StampStyle.RUNNING_RGB, false)));
        sb.append(style(WATERMARK, "Marking Watermark", "center",
                StampStyles.heiti(StampStyle.RUNNING_PT, StampStyle.WATERMARK_RGB, false)));
        OurContent.appendChildren(root, sb.append("</w:styles>").toString());
        styles.setStyles(ct);
    }

    private static String style(String id, String name, String jc, String rPr) {
        return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name
                + "\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:left=\"0\" w:right=\"0\""
                + " w:firstLine=\"0\"/><w:jc w:val=\"" + jc + "\"/></w:pPr><w:rPr>" + rPr + "</w:rPr></w:style>";
    }

    private static String colour(int rgb) {
        return "<w:color w:val=\"" + StampStyle.hex(rgb) + "\"/>";
    }

    private static String size(float pt) {
        int halfPoints = Math.round(pt * 2);
        return String.format(Locale.ROOT, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", halfPoints, halfPoints);
    }
}
