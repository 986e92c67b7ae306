package dev.marking.core.format.docx;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.format.ooxml.OoxmlPackageItems;
import dev.marking.core.format.ooxml.OoxmlProperties;
import dev.marking.core.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFSettings;
import org.w3c.dom.Element;

/** Turns an open DOCX into a {@link ReadModel}. */
final class DocxReader {

    static final int FIRST_PAGE_LINES = 6;

    private final XWPFDocument doc;
    private final List<HiddenItem> hidden = new ArrayList<>();
    private final Set<String> storiesSeen = new HashSet<>();
    private final List<String> covertCopies = new ArrayList<>();

    private DocxReader(XWPFDocument doc) {
        this.doc = doc;
    }

    static ReadModel read(Path path, XWPFDocument doc) {
        return new DocxReader(doc).model(path);
    }

    private ReadModel model(Path path) {
        Element document = documentElement(doc);
        PartReader body = PartReader.body();
        for (Element b : Wml.children(document)) {
            if (Wml.isW(b, "body")) {
                body.read(b);
            }
        }
        hidden.addAll(body.hidden());
        List<TextBlock> blocks = body.blocks();
        List<TextBlock> top = blocks.subList(0, Math.min(FIRST_PAGE_LINES, blocks.size()));
        List<RunningSlot> slots = slots(Sections.of(document));
        comments(body.commentAnchors());
        covertCopies.addAll(body.covertCopies());
        Map<String, String> properties = new LinkedHashMap<>(OoxmlProperties.read(doc.getProperties()));
        covertCopies.stream().findFirst().ifPresent(c -> properties.put(CovertMark.PROPERTY, c));
        hidden.addAll(OoxmlPackageItems.scan(doc, "word"));
        return new ReadModel(path, "docx", Unit.SECTION, top, blocks, slots, properties, hidden);
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

    private List<RunningSlot> slots(List<Sections.Section> sections) {
        boolean evenOdd = evenAndOdd(doc);
        List<Map<String, String>> headers = Sections.resolve(sections, "header");
        List<Map<String, String>> footers = Sections.resolve(sections, "footer");
        List<RunningSlot> slots = new ArrayList<>();
        for (Sections.Section s : sections) {
            int i = s.number() - 1;
            for (String type : s.shownTypes(evenOdd)) {
                Optional<Element> header = story(doc, headers.get(i).get(type));
                Optional<Element> footer = story(doc, footers.get(i).get(type));
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

    private void comments(Map<String, Location> anchors) {
        XWPFComment[] comments = doc.getComments();
        if (comments == null) {
            return;
        }
        for (XWPFComment c : comments) {
            String text = c.getText() == null ? "" : c.getText().strip();
            Location at = anchors.getOrDefault(c.getId(), Location.part("comment"));
            hidden.add(new HiddenItem(HiddenKind.COMMENT, text, at));
        }
    }
}
