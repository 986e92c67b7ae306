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
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;

/**
 * The read model built from POI's object model ({@code XWPFDocument}), as the DOCX adapter read files before
 * it streamed them: the reference {@link DocxStreamReaderTest} holds the streaming reader to.
 */
final class PoiDocxReader {

    private final XWPFDocument doc;
    private final List<HiddenItem> hidden = new ArrayList<>();
    private final Set<String> storiesSeen = new HashSet<>();
    private final List<String> covertCopies = new ArrayList<>();

    private PoiDocxReader(XWPFDocument doc) {
        this.doc = doc;
    }

    static ReadModel read(Path path, XWPFDocument doc) {
        return new PoiDocxReader(doc).model(path);
    }

    private ReadModel model(Path path) {
        Element document = DocxReader.documentElement(doc);
        PartReader body = PartReader.body();
        for (Element b : Wml.children(document)) {
            if (Wml.isW(b, "body")) {
                body.read(b);
            }
        }
        hidden.addAll(body.hidden());
        List<TextBlock> blocks = body.blocks();
        List<TextBlock> top = blocks.subList(0, Math.min(DocxReader.FIRST_PAGE_LINES, blocks.size()));
        List<RunningSlot> slots = slots(Sections.of(document));
        comments(body.commentAnchors());
        covertCopies.addAll(body.covertCopies());
        Map<String, String> properties = new LinkedHashMap<>(OoxmlProperties.read(doc.getProperties()));
        covertCopies.stream().findFirst().ifPresent(c -> properties.put(CovertMark.PROPERTY, c));
        hidden.addAll(OoxmlPackageItems.scan(doc, "word"));
        return new ReadModel(path, "docx", Unit.SECTION, top, blocks, slots, properties, hidden);
    }

    private List<RunningSlot> slots(List<Sections.Section> sections) {
        boolean evenOdd = DocxReader.evenAndOdd(doc);
        List<Map<String, String>> headers = Sections.resolve(sections, "header");
        List<Map<String, String>> footers = Sections.resolve(sections, "footer");
        List<RunningSlot> slots = new ArrayList<>();
        for (Sections.Section s : sections) {
            int i = s.number() - 1;
            for (String type : s.shownTypes(evenOdd)) {
                Optional<Element> header = DocxReader.story(doc, headers.get(i).get(type));
                Optional<Element> footer = DocxReader.story(doc, footers.get(i).get(type));
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
