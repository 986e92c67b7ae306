package dev.marking.core.format.docx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Declares 黑体 in the font table with its Latin name SimHei, the GB2312 character set and its
 * PANOSE class, so Word substitutes a similar CJK sans where SimHei is not installed.
 */
final class FontFallback {

    static final String HEITI = "黑体";
    private static final String ENTRY = "<w:font xmlns:w=\"" + Wml.W + "\" w:name=\"" + HEITI + "\">"
            + "<w:altName w:val=\"SimHei\"/><w:panose1 w:val=\"02010609060101010101\"/><w:charset w:val=\"86\"/>"
            + "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>";

    private FontFallback() {
    }

    /** Adds the 黑体 entry to the document's font table (creating the table if missing) unless it is there. */
    static void declareHeiti(XWPFDocument doc) throws IOException {
        for (POIXMLDocumentPart.RelationPart rp : doc.getRelationParts()) {
            if (XWPFRelation.FONT_TABLE.getRelation().equals(rp.getRelationship().getRelationshipType())) {
                addTo(rp.getDocumentPart().getPackagePart());
                return;
            }
        }
        OPCPackage pkg = doc.getPackage();
        PackagePartName name;
        try {
            name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        if (pkg.containPart(name)) {
            return;  // a stray part of that name, not related: leave it alone
        }
        PackagePart table = pkg.createPart(name, XWPFRelation.FONT_TABLE.getContentType());
        doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
        try (OutputStream out = table.getOutputStream()) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts xmlns:w=\""
                    + Wml.W + "\">" + ENTRY.replace(" xmlns:w=\"" + Wml.W + "\"", "") + "</w:fonts>";
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void addTo(PackagePart part) throws IOException {
        XmlObject xml;
        try (InputStream in = part.getInputStream()) {
            xml = XmlObject.Factory.parse(in);
        } catch (XmlException e) {
            return;  // a font table we cannot parse is left as it is; fonts fall back without it
        }
        Element fonts = ((Document) xml.getDomNode()).getDocumentElement();
        if (fonts == null || !Wml.isW(fonts, "fonts")) {
            return;
        }
        for (Element f : Wml.children(fonts)) {
            if (Wml.isW(f, "font") && HEITI.equals(Wml.attr(f, Wml.W, "name"))) {
                return;
            }
        }
        OurContent.append(fonts, ENTRY);
        try (OutputStream out = part.getOutputStream()) {
            xml.save(out);
        }
    }
}
