package dev.marking.core.format.docx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFactory;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.HdrDocument;
import org.w3c.dom.Element;

/**
 * The header (or footer) parts shown anywhere in a document, creating the ones Word would show
 * empty: a section whose default, first ({@code w:titlePg}) or even ({@code w:evenAndOddHeaders})
 * type resolves to no part, through Word's inheritance, gets a new empty part referenced from it.
 */
final class RunningParts {

    /**
     * Paragraph and run properties that may print even without text; a style ({@code w:pStyle}) is one, since
     * the style may draw a border.
     */
    private static final Set<String> SHOWING_PROPERTIES = Set.of("pStyle", "rStyle", "pBdr", "bdr", "shd", "highlight");

    private RunningParts() {
    }

    /** The {@code w:hdr}/{@code w:ftr} elements of every shown {@code kind} part, each once, in section order. */
    static List<Element> shown(XWPFDocument doc, String kind) {
        boolean evenOdd = DocxReader.evenAndOdd(doc);
        Map<String, String> inherited = new LinkedHashMap<>();
        Set<String> rids = new LinkedHashSet<>();
        for (Sections.Section s : Sections.of(DocxReader.documentElement(doc))) {
            inherited.putAll(s.ownReferences(kind));
            for (String type : s.shownTypes(evenOdd)) {
                String rid = inherited.get(type);
                if (rid == null || DocxReader.story(doc, rid).isEmpty()) {
                    rid = create(doc, kind);
                    reference(doc, s, kind, type, rid);
                    inherited.put(type, rid);
                }
                rids.add(rid);
            }
        }
        List<Element> out = new ArrayList<>();
        for (String rid : rids) {
            DocxReader.story(doc, rid).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Drops the first section's different first page ({@code w:titlePg}) when odd and even pages differ
     * ({@code w:evenAndOddHeaders}) and that first page shows nothing different: its first and default
     * header and footer are all blank. Stamped, its first page would show exactly what its other odd pages
     * show, so the flag changes nothing on any page. Kept, it loses the mark of even pages on a LibreOffice
     * save: LibreOffice keeps a section with a different first page that its layout puts on one page as that
     * page alone, with the first page's header as the only one, no even header; the first section has no
     * previous section to inherit an even header from, so Word would print its even pages unmarked.
     */
    static void dropBlankFirstPage(XWPFDocument doc, List<Sections.Section> sections) {
        if (sections.isEmpty() || !sections.get(0).titlePage() || !DocxReader.evenAndOdd(doc)) {
            return;
        }
        Sections.Section first = sections.get(0);
        for (String kind : List.of("header", "footer")) {
            Map<String, String> refs = first.ownReferences(kind);
            for (String type : List.of("first", "default")) {
                if (!DocxReader.story(doc, refs.get(type)).map(RunningParts::blank).orElse(true)) {
                    return;
                }
            }
        }
        Element sectPr = first.sectPr().orElseThrow();
        for (Element toggle : Wml.children(sectPr)) {
            if (Wml.isW(toggle, "titlePg")) {
                try (XmlCursor c = XmlBeans.nodeToCursor(toggle)) {
                    c.removeXml();
                }
            }
        }
    }

    /**
     * True when a header or footer story shows nothing: paragraphs and runs holding only white space, with no
     * border, shading, drawing, picture, field, table or anything else that could print.
     */
    private static boolean blank(Element story) {
        for (Element e : Wml.children(story)) {
            if (!invisible(e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean invisible(Element e) {
        if (!Wml.W.equals(e.getNamespaceURI())) {
            return false;
        }
        return switch (e.getLocalName()) {
            case "t" -> Wml.ownText(e).isBlank();
            case "pPr", "rPr" -> Wml.children(e).stream().noneMatch(c -> Wml.W.equals(c.getNamespaceURI())
                    && SHOWING_PROPERTIES.contains(c.getLocalName()));
            case "p", "r", "proofErr", "bookmarkStart", "bookmarkEnd", "lastRenderedPageBreak", "tab" ->
                    Wml.children(e).stream().allMatch(RunningParts::invisible);
            default -> false;
        };
    }

    /** Every header and footer part in the package, shown or not (a restamp cleans them all). */
    static List<Element> all(XWPFDocument doc) {
        List<Element> out = new ArrayList<>();
        for (POIXMLDocumentPart p : doc.getRelations()) {
            if (p instanceof XWPFHeaderFooter hf && hf._getHdrFtr() != null) {
                out.add((Element) hf._getHdrFtr().getDomNode());
            }
        }
        return out;
    }

    private static String create(XWPFDocument doc, String kind) {
        boolean header = "header".equals(kind);
        XWPFRelation relation = header ? XWPFRelation.HEADER : XWPFRelation.FOOTER;
        int number = doc.getNextPartNumber(relation, 1);
        XWPFHeaderFooter part = (XWPFHeaderFooter) doc.createRelationship(relation, XWPFFactory.getInstance(), number);
        part.setXWPFDocument(doc);
        if (header) {
            part.setHeaderFooter(HdrDocument.Factory.newInstance().addNewHdr());
        } else {
            part.setHeaderFooter(FtrDocument.Factory.newInstance().addNewFtr());
        }
        return doc.getRelationId(part);
    }

    private static void reference(XWPFDocument doc, Sections.Section s, String kind, String type, String rid) {
        Element sectPr = s.sectPr().orElseGet(() -> bodySectPr(doc));
        for (Element ref : Wml.children(sectPr)) {
            String refType = Wml.attr(ref, Wml.W, "type");
            if (Wml.isW(ref, kind + "Reference") && type.equals(refType.isEmpty() ? "default" : refType)) {
                // a reference to a missing part: Word shows nothing for it, ours replaces it
                try (XmlCursor c = XmlBeans.nodeToCursor(ref)) {
                    c.removeXml();
                }
            }
        }
        OurContent.prepend(sectPr, Fragments.reference(kind, type, rid));
    }

    /** Adds the missing body-level {@code w:sectPr} to the last body, where Word expects it. */
    private static Element bodySectPr(XWPFDocument doc) {
        Element document = DocxReader.documentElement(doc);
        List<Element> bodies = Wml.children(document).stream().filter(e -> Wml.isW(e, "body")).toList();
        Element body = bodies.get(bodies.size() - 1);
        Optional<Element> existing = Wml.childW(body, "sectPr");
        if (existing.isPresent()) {
            return existing.get();
        }
        OurContent.append(body, Fragments.sectPr());
        return Wml.childW(body, "sectPr").orElseThrow();
    }
}
