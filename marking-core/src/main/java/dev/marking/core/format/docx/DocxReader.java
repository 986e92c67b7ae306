package dev.marking.core.format.docx;

import java.util.Optional;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFSettings;
import org.w3c.dom.Element;

/**
 * What stamping looks up in an open POI document: its {@code w:document} element, whether it has separate odd
 * and even headers, and the header or footer story a relationship id names. Reading does without POI's object
 * model ({@link DocxStreamReader}).
 */
final class DocxReader {

    /** How many body paragraphs count as the top of the first page. */
    static final int FIRST_PAGE_LINES = 6;

    private DocxReader() {
    }

    static Element documentElement(XWPFDocument doc) {
        return (Element) doc.getDocument().getDomNode();
    }

    /** True when the settings part turns on different odd and even page headers ({@code w:val="0"} means off). */
    static boolean evenAndOdd(XWPFDocument doc) {
        XWPFSettings settings = doc.getSettings();
        if (settings == null || settings.getCTSettings() == null) {
            return false;
        }
        return Wml.childW(settings.getCTSettings().getDomNode(), "evenAndOddHeaders").map(Wml::on).orElse(false);
    }

    /** The {@code w:hdr}/{@code w:ftr} element of the header or footer part with relation id {@code rid}. */
    static Optional<Element> story(XWPFDocument doc, String rid) {
        if (rid == null || rid.isEmpty()) {
            return Optional.empty();
        }
        POIXMLDocumentPart part = doc.getRelationById(rid);
        if (part instanceof XWPFHeaderFooter hf && hf._getHdrFtr() != null) {
            return Optional.of((Element) hf._getHdrFtr().getDomNode());
        }
        return Optional.empty();
    }
}
