package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The parts of an OFD package that carry a document: {@code OFD.xml}, its first {@code DocBody}'s
 * {@code Document.xml}, every page's content and the templates pages use. Optional parts (annotations,
 * attachments, custom tags, signatures) are found on demand. Everything is resolved by the package's
 * own locations, relative to the naming part unless they start with {@code /}.
 */
final class OfdDocument {

    /** A4 in millimetres, for pages that state no size at all. */
    static final double[] A4 = {0, 0, 210, 297};
    static final String ROOT = "OFD.xml";

    /** One page: 1-based number in reading order, its ID, content part and physical box (x y w h, mm). */
    record Page(int number, String id, String path, Document content, double[] box) {
    }

    /** A template page ({@code CommonData/TemplatePage}). */
    record Template(String id, String path, Document content) {
    }

    final OfdPackage pkg;
    final OfdXml xml;
    final Document ofd;
    final Element docBody;
    final String documentPath;
    final Document document;
    final List<Page> pages;
    final Map<String, Template> templates;
    /** Further {@code DocBody} elements: documents in the package a reader of the first never shows. */
    final int otherDocuments;

    private OfdDocument(OfdPackage pkg, OfdXml xml, Document ofd, String documentPath, Document document,
            List<Page> pages, Map<String, Template> templates) {
        this.pkg = pkg;
        this.xml = xml;
        this.ofd = ofd;
        List<Element> bodies = OfdXml.children(ofd.getDocumentElement(), "DocBody");
        this.docBody = bodies.get(0);
        this.otherDocuments = bodies.size() - 1;
        this.documentPath = documentPath;
        this.document = document;
        this.pages = List.copyOf(pages);
        this.templates = Map.copyOf(templates);
    }

    static OfdDocument open(OfdPackage pkg, OfdXml xml) throws DocumentException {
        String rootName = pkg.entries().stream().map(OfdPackage.Entry::name).filter(n -> n.equalsIgnoreCase(ROOT))
                .findFirst().orElseThrow(() -> broken(pkg, "it has no OFD.xml (is it an OFD file?)"));
        Document ofd = xml.parse(pkg.file(), rootName, pkg.bytes(rootName));
        Element root = ofd.getDocumentElement();
        if (!OfdXml.is(root, "OFD")) {
            throw broken(pkg, "OFD.xml's root is <" + root.getTagName() + ">, not <ofd:OFD>");
        }
        List<Element> bodies = OfdXml.children(root, "DocBody");
        if (bodies.isEmpty()) {
            throw broken(pkg, "OFD.xml has no DocBody");
        }
        Element body = bodies.get(0);
        String docRoot = OfdXml.childText(body, "DocRoot").orElseThrow(() -> broken(pkg, "OFD.xml names no DocRoot"));
        String documentPath = pkg.resolve(rootName, docRoot);
        Document document = xml.parse(pkg.file(), documentPath, pkg.bytes(documentPath));
        if (!OfdXml.is(document.getDocumentElement(), "Document")) {
            throw broken(pkg, documentPath + " is not an OFD Document");
        }
        Element doc = document.getDocumentElement();
        Optional<Element> common = OfdXml.child(doc, "CommonData");
        double[] defaultBox = common.flatMap(c -> OfdXml.child(c, "PageArea")).flatMap(OfdDocument::physicalBox)
                .orElse(A4);
        Map<String, Template> templates = new LinkedHashMap<>();
        for (Element t : common.map(c -> OfdXml.children(c, "TemplatePage")).orElse(List.of())) {
            Optional<String> loc = OfdXml.attr(t, "BaseLoc");
            if (loc.isPresent()) {
                String path = pkg.resolve(documentPath, loc.get());
                templates.put(t.getAttribute("ID"), new Template(t.getAttribute("ID"), path,
                        xml.parse(pkg.file(), path, pkg.bytes(path))));
            }
        }
        List<Page> pages = new ArrayList<>();
        for (Element p : OfdXml.child(doc, "Pages").map(ps -> OfdXml.children(ps, "Page")).orElse(List.of())) {
            String loc = OfdXml.attr(p, "BaseLoc").orElseThrow(() -> broken(pkg, "a page in " + documentPath
                    + " has no BaseLoc"));
            String path = pkg.resolve(documentPath, loc);
            Document content = xml.parse(pkg.file(), path, pkg.bytes(path));
            double[] box = OfdXml.child(content.getDocumentElement(), "Area").flatMap(OfdDocument::physicalBox)
                    .orElse(defaultBox);
            pages.add(new Page(pages.size() + 1, p.getAttribute("ID"), path, content, box));
        }
        if (pages.isEmpty()) {
            throw broken(pkg, documentPath + " has no pages");
        }
        return new OfdDocument(pkg, xml, ofd, documentPath, document, pages, templates);
    }

    private static Optional<double[]> physicalBox(Element area) {
        return OfdXml.childText(area, "PhysicalBox").map(OfdXml::numbers).filter(b -> b.length == 4 && b[2] > 0 && b[3] > 0);
    }

    static DocumentException broken(OfdPackage pkg, String why) {
        return new DocumentException(pkg.file(), Kind.UNREADABLE, "not a sound OFD package: " + why);
    }

    /** The templates {@code page} draws ({@code Page/Template@TemplateID}), in the order it names them. */
    List<Template> templatesOf(Page page) {
        List<Template> out = new ArrayList<>();
        for (Element t : OfdXml.children(page.content().getDocumentElement(), "Template")) {
            Template tpl = templates.get(t.getAttribute("TemplateID"));
            if (tpl != null) {
                out.add(tpl);
            }
        }
        return out;
    }

    /** {@code Document.xml}'s {@code CommonData}. */
    Optional<Element> commonData() {
        return OfdXml.child(document.getDocumentElement(), "CommonData");
    }

    /** The package path a child element of {@code Document.xml}'s root names ({@code Annotations}, {@code Attachments}). */
    Optional<String> documentPart(String child) throws DocumentException {
        Optional<String> loc = OfdXml.childText(document.getDocumentElement(), child);
        return loc.isEmpty() ? Optional.empty() : Optional.of(pkg.resolve(documentPath, loc.get()));
    }

    /** The parsed part at {@code path}, if the package holds it. */
    Optional<Document> part(String path) throws DocumentException {
        Optional<byte[]> bytes = pkg.find(path);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(xml.parse(pkg.file(), path, bytes.get()));
    }

    /** {@code OFD.xml}'s {@code DocInfo}, if any. */
    Optional<Element> docInfo() {
        return OfdXml.child(docBody, "DocInfo");
    }

    /** The path of {@code OFD.xml} inside the package. */
    String rootPath() {
        return pkg.entries().stream().map(OfdPackage.Entry::name).filter(n -> n.equalsIgnoreCase(ROOT)).findFirst()
                .orElse(ROOT);
    }
}
