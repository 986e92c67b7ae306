package dev.marking.core.format.docx;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.format.ooxml.OoxmlPackages;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.w3c.dom.Element;

/**
 * Reads a DOCX into the {@link ReadModel} without POI's object model (XMLBeans): the package is opened
 * read-only, the main part is streamed ({@link BodyStream}), and the small parts the rules need (headers and
 * footers Word shows, settings, comments, properties) are read as DOM. The model is the one
 * POI's object model gives ({@code XWPFDocument}); {@code DocxStreamReaderTest} holds both to
 * that over the corpus. Memory follows the largest paragraph, not the document.
 */
final class DocxStreamReader {

    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String HEADER = RELS + "header";
    private static final String FOOTER = RELS + "footer";
    private static final String SETTINGS = RELS + "settings";
    private static final String COMMENTS = RELS + "comments";

    private final OPCPackage pkg;
    private final PackagePart main;
    private final List<HiddenItem> hidden = new ArrayList<>();
    private final Set<String> storiesSeen = new HashSet<>();
    private final List<String> covertCopies = new ArrayList<>();
    private final Map<String, Optional<Element>> stories = new HashMap<>();

    private DocxStreamReader(OPCPackage pkg, PackagePart main) {
        this.pkg = pkg;
        this.main = main;
    }

    static ReadModel read(Path file) throws DocumentException {
        OPCPackage pkg = DocxOpener.openPackage(file);
        try {
            PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
            PackagePart main = pkg.getPart(core);
            if (main == null) {
                throw new DocumentException(file, Kind.UNREADABLE,
                        "damaged or not a DOCX file: the Word document part is missing");
            }
            return new DocxStreamReader(pkg, main).model(file);
        } catch (IOException | XMLStreamException | InvalidFormatException | RuntimeException e) {
            Optional<String> limit = XmlStream.limitBroken(e);
            if (limit.isPresent()) {
                throw new DocumentException(file, Kind.UNREADABLE, limit.get(), e);
            }
            throw DocxOpener.unreadable(file, e);
        } finally {
            OoxmlPackages.discard(pkg);
        }
    }

    private ReadModel model(Path path) throws IOException, XMLStreamException, InvalidFormatException {
        PartReader body = PartReader.body();
        List<Sections.Section> sections;
        try (InputStream in = main.getInputStream(); XmlStream xml = XmlStream.open(main.getPartName().getName(), in)) {
            sections = BodyStream.read(xml, body);
        }
        hidden.addAll(body.hidden());
        List<TextBlock> blocks = body.blocks();
        List<TextBlock> top = blocks.subList(0, Math.min(DocxReader.FIRST_PAGE_LINES, blocks.size()));
        List<RunningSlot> slots = slots(sections);
        comments(body.commentAnchors());
        covertCopies.addAll(body.covertCopies());
        PackageProperties props = PackageProperties.read(pkg);
        Map<String, String> properties = new LinkedHashMap<>(props.map());
        covertCopies.stream().findFirst().ifPresent(c -> properties.put(CovertMark.PROPERTY, c));
        hidden.addAll(props.items(pkg));
        return new ReadModel(path, "docx", Unit.SECTION, top, blocks, slots, properties, hidden);
    }

    private List<RunningSlot> slots(List<Sections.Section> sections)
            throws IOException, XMLStreamException, InvalidFormatException {
        Optional<Element> settings = related(SETTINGS, "settings");
        boolean evenOdd = settings.flatMap(s -> Wml.childW(s, "evenAndOddHeaders")).map(Wml::on).orElse(false);
        List<Map<String, String>> headers = Sections.resolve(sections, "header");
        List<Map<String, String>> footers = Sections.resolve(sections, "footer");
        List<RunningSlot> slots = new ArrayList<>();
        for (Sections.Section s : sections) {
            int i = s.number() - 1;
            for (String type : s.shownTypes(evenOdd)) {
                Optional<Element> header = story(headers.get(i).get(type));
                Optional<Element> footer = story(footers.get(i).get(type));
                slots.add(new RunningSlot(s.number(), SlotType.of(type), paragraphs(header, "header:" + type, s.number()),
                        paragraphs(footer, "footer:" + type, s.number()),
                        header.map(Watermarks::texts).orElse(List.of())));
            }
        }
        return slots;
    }

    private List<TextBlock> paragraphs(Optional<Element> story, String part, int section) {
        if (story.isEmpty()) {
            return List.of();
        }
        PartReader r = PartReader.story(part, section).read(story.get());
        if (storiesSeen.add(part + '@' + System.identityHashCode(story.get()))) {
            hidden.addAll(r.hidden());
            covertCopies.addAll(r.covertCopies());
        }
        return r.blocks();
    }

    /** The {@code w:hdr}/{@code w:ftr} of the header or footer part the main part relates as {@code rid}. */
    private Optional<Element> story(String rid) throws IOException, XMLStreamException {
        if (rid == null || rid.isEmpty()) {
            return Optional.empty();
        }
        PackageRelationship rel = main.getRelationship(rid);
        if (rel == null || !(HEADER.equals(rel.getRelationshipType()) || FOOTER.equals(rel.getRelationshipType()))) {
            return Optional.empty();
        }
        Optional<PackagePart> part = target(rel);
        if (part.isEmpty()) {
            return Optional.empty();
        }
        String name = part.get().getPartName().getName();
        Optional<Element> known = stories.get(name);
        if (known == null) {
            known = Optional.of(root(part.get(), HEADER.equals(rel.getRelationshipType()) ? "hdr" : "ftr"));
            stories.put(name, known);
        }
        return known;
    }

    /** The root of the part the main part relates with {@code type} (the last such relationship, as POI keeps it). */
    private Optional<Element> related(String type, String rootName)
            throws IOException, XMLStreamException, InvalidFormatException {
        Optional<PackagePart> found = Optional.empty();
        for (PackageRelationship rel : main.getRelationshipsByType(type)) {
            Optional<PackagePart> p = target(rel);
            if (p.isPresent()) {
                found = p;
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(root(found.get(), rootName));
    }

    private Optional<PackagePart> target(PackageRelationship rel) {
        if (rel.getTargetMode() != TargetMode.INTERNAL) {
            return Optional.empty();
        }
        try {
            URI uri = rel.getTargetURI();
            return Optional.ofNullable(pkg.getPart(uri.getRawFragment() != null
                    ? PackagingURIHelper.createPartName(uri.getPath()) : PackagingURIHelper.createPartName(uri)));
        } catch (InvalidFormatException | RuntimeException e) {
            return Optional.empty(); // POI skips an invalid relationship target too
        }
    }

    /** The part's root element, which must be {@code w:rootName} as POI's schema types require. */
    private static Element root(PackagePart part, String rootName) throws IOException, XMLStreamException {
        String name = part.getPartName().getName();
        try (InputStream in = part.getInputStream(); XmlStream xml = XmlStream.open(name, in)) {
            Element root = xml.root();
            if (!Wml.isW(root, rootName)) {
                throw new XMLStreamException(name + " is not a WordprocessingML " + rootName + " part (its root element is "
                        + root.getLocalName() + "@" + root.getNamespaceURI() + ")");
            }
            return root;
        }
    }

    private void comments(Map<String, Location> anchors) throws IOException, XMLStreamException, InvalidFormatException {
        Optional<Element> part = related(COMMENTS, "comments");
        if (part.isEmpty()) {
            return;
        }
        for (Element c : Wml.children(part.get())) {
            if (Wml.isW(c, "comment")) {
                String text = CommentText.of(c).strip();
                Location at = anchors.getOrDefault(Wml.attr(c, Wml.W, "id"), Location.part("comment"));
                hidden.add(new HiddenItem(HiddenKind.COMMENT, text, at));
            }
        }
    }
}
