package dev.marking.core.format.pptx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Comments as PowerPoint for Microsoft 365 writes them ("modern" threaded comments,
 * {@code ppt/comments/modernComment_*.xml}), which POI's comment API does not read: one text per
 * comment, its replies included.
 */
final class ModernComments {

    static final String RELATIONSHIP = "http://schemas.microsoft.com/office/2018/10/relationships/comments";

    private ModernComments() {
    }

    /** The texts of the modern comments on {@code slide}; none when it has no such part or it cannot be read. */
    static List<String> of(XSLFSlide slide) {
        List<String> out = new ArrayList<>();
        try {
            PackagePart part = slide.getPackagePart();
            for (PackageRelationship r : part.getRelationshipsByType(RELATIONSHIP)) {
                PackagePart comments = part.getRelatedPart(r);
                if (comments != null) {
                    read(comments, out);
                }
            }
        } catch (InvalidFormatException | IOException | SAXException | RuntimeException e) {
            return out; // a damaged comment part: what was read stands
        }
        return out;
    }

    private static void read(PackagePart part, List<String> out) throws IOException, SAXException {
        try (InputStream in = part.getInputStream()) {
            Element root = DocumentHelper.readDocument(in).getDocumentElement();
            NodeList comments = root.getElementsByTagNameNS("*", "cm");
            for (int i = 0; i < comments.getLength(); i++) {
                StringBuilder sb = new StringBuilder();
                texts(comments.item(i), sb);
                String text = sb.toString().replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
        }
    }

    /** The text of every {@code a:t} under {@code n}, separated by spaces. */
    private static void texts(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && "t".equals(e.getLocalName())) {
                sb.append(e.getTextContent()).append(' ');
            } else {
                texts(c, sb);
            }
        }
    }
}
