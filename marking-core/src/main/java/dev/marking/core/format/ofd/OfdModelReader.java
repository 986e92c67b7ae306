package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an OFD into the read model: each page's text in reading order (its layers and the templates it
 * uses), its annotations' text, our stamp's header, footer and watermark per page, the first-page block
 * (or, unstamped, the top lines of page 1), {@code DocInfo} and {@code CustomDatas}, and what a reader
 * does not see: invisible text, annotation remarks, attachments, custom tags, further documents.
 */
final class OfdModelReader {

    /** How many lines of an unstamped first page count as its top. */
    static final int TOP_LINES = 6;
    /** Custom tag text kept per tag, enough to show what it holds. */
    private static final int MAX_TAG_TEXT = 4_000;

    private final OfdXml xml;

    OfdModelReader(OfdXml xml) {
        this.xml = xml;
    }

    ReadModel read(Path file) throws DocumentException {
        return read(OfdDocument.open(OfdPackage.read(file, xml.limits()), xml));
    }

    ReadModel read(OfdDocument doc) throws DocumentException {
        Annotations annotations = Annotations.of(doc);
        List<TextBlock> body = new ArrayList<>();
        List<RunningSlot> slots = new ArrayList<>();
        List<HiddenItem> hidden = new ArrayList<>();
        List<TextBlock> top = new ArrayList<>();
        for (OfdDocument.Page page : doc.pages) {
            Interruption.check();
            Map<StampRole, List<String>> stamp = new EnumMap<>(StampRole.class);
            List<PageObjects.Run> runs = new ArrayList<>();
            List<PageObjects> drawn = new ArrayList<>();
            for (OfdDocument.Template t : doc.templatesOf(page)) {
                drawn.add(PageObjects.of(t.content().getDocumentElement()));
            }
            drawn.add(PageObjects.of(page.content().getDocumentElement()));
            for (PageObjects objects : drawn) {
                for (PageObjects.Text t : objects.texts) {
                    Optional<StampRole> role = StampRole.of(t.name());
                    if (role.isPresent()) {
                        stamp.computeIfAbsent(role.get(), r -> new ArrayList<>()).add(t.text().strip());
                    } else if (!t.visible()) {
                        addHidden(hidden, HiddenKind.HIDDEN_TEXT, t.text(), new Location("text", 0, page.number(), 0, 0, 0));
                    } else {
                        runs.addAll(t.runs());
                    }
                }
            }
            List<TextBlock> lines = lines(TextLines.of(runs), page.number());
            body.addAll(lines);
            annotationTexts(annotations.of(page.id()), page.number(), body, hidden);
            slots.add(new RunningSlot(page.number(), SlotType.PAGE, blocks(stamp, StampRole.HEADER, page.number(), "header"),
                    blocks(stamp, StampRole.FOOTER, page.number(), "footer"),
                    stamp.getOrDefault(StampRole.WATERMARK, List.of())));
            if (page.number() == 1) {
                top = stamp.containsKey(StampRole.BLOCK) ? blocks(stamp, StampRole.BLOCK, 1, null)
                        : lines.subList(0, Math.min(TOP_LINES, lines.size()));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>(OfdMetadata.read(doc.docInfo()));
        OfdSeals seals = OfdSeals.of(doc);
        if (seals.signatures > 0) {
            properties.put("ofd.signatures", Integer.toString(seals.signatures));
        }
        if (seals.integrity) {
            properties.put("ofd.integrity", OfdSeals.ENTRIES);
        }
        hidden.addAll(OfdMetadata.hidden(properties, doc.docInfo()));
        attachments(doc, hidden);
        customTags(doc, hidden);
        if (doc.otherDocuments > 0) {
            hidden.add(new HiddenItem(HiddenKind.EMBEDDED_OBJECT, doc.otherDocuments + " further document(s) in the package that"
                    + " readers of the first do not show", Location.part("package")));
        }
        return new ReadModel(doc.pkg.file(), "ofd", Unit.PAGE, top, body, slots, properties, hidden);
    }

    private static void annotationTexts(List<Annotations.Annot> annots, int page, List<TextBlock> body,
            List<HiddenItem> hidden) {
        int n = 0;
        for (Annotations.Annot a : annots) {
            List<String> texts = new ArrayList<>();
            for (PageObjects.Text t : a.objects().texts) {
                String s = t.text().strip();
                if (!s.isEmpty() && t.visible() && a.visible()) {
                    texts.add(s);
                } else if (!s.isEmpty()) {
                    addHidden(hidden, HiddenKind.HIDDEN_TEXT, s, new Location("annotation", 0, page, 0, 0, 0));
                }
            }
            n++;
            if (!texts.isEmpty()) {
                body.add(new TextBlock(String.join(" ", texts), new Location("annotation", 0, page, n, 0, 0)));
            }
            if (!a.remark().isBlank()) {
                hidden.add(new HiddenItem(HiddenKind.COMMENT, a.remark(), new Location("annotation", 0, page, n, 0, 0)));
            }
        }
    }

    private static void addHidden(List<HiddenItem> hidden, HiddenKind kind, String text, Location where) {
        if (!text.isBlank()) {
            hidden.add(new HiddenItem(kind, text.strip(), where));
        }
    }

    private static void attachments(OfdDocument doc, List<HiddenItem> out) throws DocumentException {
        Optional<String> path = doc.documentPart("Attachments");
        Optional<Document> list = path.isEmpty() ? Optional.empty() : doc.part(path.get());
        for (Element a : list.map(l -> OfdXml.children(l.getDocumentElement(), "Attachment")).orElse(List.of())) {
            String name = OfdXml.attr(a, "Name").orElse(OfdXml.childText(a, "FileLoc").orElse(""));
            String format = OfdXml.attr(a, "Format").map(f -> " (" + f + ")").orElse("");
            out.add(new HiddenItem(HiddenKind.ATTACHMENT, name + format, Location.part("attachment")));
        }
    }

    private static void customTags(OfdDocument doc, List<HiddenItem> out) throws DocumentException {
        Optional<String> path = doc.documentPart("CustomTags");
        Optional<Document> list = path.isEmpty() ? Optional.empty() : doc.part(path.get());
        for (Element t : list.map(l -> OfdXml.children(l.getDocumentElement(), "CustomTag")).orElse(List.of())) {
            Optional<String> loc = OfdXml.childText(t, "FileLoc");
            Optional<Document> tag = loc.isEmpty() ? Optional.empty() : doc.part(doc.pkg.resolve(path.get(), loc.get()));
            String text = tag.map(d -> d.getDocumentElement().getTextContent().replaceAll("\\s+", " ").strip()).orElse("");
            String type = OfdXml.attr(t, "TypeID").orElse(OfdXml.attr(t, "NameSpace").orElse(""));
            out.add(new HiddenItem(HiddenKind.CUSTOM_XML, text.length() > MAX_TAG_TEXT ? text.substring(0, MAX_TAG_TEXT) : text,
                    Location.part(type.isEmpty() ? "custom-tag" : "custom-tag:" + type)));
        }
    }

    private static List<TextBlock> lines(List<TextLines.Line> lines, int page) {
        List<TextBlock> out = new ArrayList<>();
        for (TextLines.Line l : lines) {
            out.add(new TextBlock(l.text(), new Location(null, 0, page, out.size() + 1, 0, 0)));
        }
        return out;
    }

    private static List<TextBlock> blocks(Map<StampRole, List<String>> stamp, StampRole role, int page, String part) {
        List<TextBlock> out = new ArrayList<>();
        for (String text : stamp.getOrDefault(role, List.of())) {
            out.add(new TextBlock(text, new Location(part, 0, page, out.size() + 1, 0, 0)));
        }
        return out;
    }
}
