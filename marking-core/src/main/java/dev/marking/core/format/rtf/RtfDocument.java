package dev.marking.core.format.rtf;

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
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link RtfParser} collects from one file: the body by section, each section's header and footer
 * stories, footnotes, comments ({@code \annotation}), document information and user properties; and the
 * {@link ReadModel} they make, laid out as the DOCX reader lays out a Word document.
 */
final class RtfDocument {

    static final int FIRST_PAGE_LINES = 6;

    /** {@code \info} destinations and the property names the DOCX reader uses for them. */
    static final Map<String, String> INFO = Map.of("author", "core.creator", "operator", "core.lastModifiedBy",
            "company", "core.company", "title", "core.title", "subject", "core.subject", "keywords", "core.keywords",
            "doccomm", "core.description", "manager", "app.manager", "category", "core.category");

    /** One section's own header and footer stories by type, and whether it has a different first page. */
    private static final class Section {
        private final Map<SlotType, Story> headers = new EnumMap<>(SlotType.class);
        private final Map<SlotType, Story> footers = new EnumMap<>(SlotType.class);
        private boolean titlePage;
    }

    private final Story body = new Story("body", 1);
    private final Story footnotes = new Story("footnotes", 0);
    private final List<Section> sections = new ArrayList<>(List.of(new Section()));
    private final List<Story> comments = new ArrayList<>();
    private final List<Location> commentAnchors = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private int objects;
    private boolean facingPages;

    Story body() {
        return body;
    }

    Story footnotes() {
        return footnotes;
    }

    /** {@code \sect}: what follows is the next section. */
    void newSection() {
        body.finish(); // "text\sect" ends the paragraph too; "\par\sect" adds no empty one
        body.nextSection();
        sections.add(new Section());
    }

    /** {@code \titlepg} in the current section. */
    void titlePage() {
        current().titlePage = true;
    }

    /** {@code \facingp}: odd and even pages have their own headers. */
    void facingPages() {
        facingPages = true;
    }

    /**
     * The story a header or footer destination starts in the current section: {@code \header} and
     * {@code \footer} (all pages), {@code \headerr} (odd), {@code \headerl} (even), {@code \headerf} (first page).
     */
    Story runningStory(String word) {
        boolean header = word.startsWith("header");
        SlotType type = switch (word.substring(header ? "header".length() : "footer".length())) {
            case "l" -> SlotType.EVEN;
            case "f" -> SlotType.FIRST;
            default -> SlotType.DEFAULT;
        };
        Story story = new Story((header ? "header:" : "footer:") + type.id(), sections.size());
        Map<SlotType, Story> map = header ? current().headers : current().footers;
        map.put(type, story);
        if (word.length() == "header".length()) {
            map.putIfAbsent(SlotType.EVEN, story); // \header is every page unless \headerl says otherwise
        }
        return story;
    }

    /** A comment ({@code \annotation}) anchored at the body paragraph being read. */
    Story comment() {
        Story story = new Story("comment", 0);
        comments.add(story);
        commentAnchors.add(new Location("comment", body.section(), 0, body.nextIndex(), 0, 0));
        return story;
    }

    void info(String destination, String value) {
        String key = INFO.get(destination);
        if (key != null && !value.isBlank()) {
            properties.put(key, value.strip());
        }
    }

    /** A user property (<code>&#92;userprops</code>: {@code \propname} and {@code \staticval}), {@code marking.*} ones too. */
    void userProperty(String name, String value) {
        if (name != null && !name.isBlank()) {
            properties.put(name.strip(), value.strip());
        }
    }

    void object() {
        objects++;
    }

    private Section current() {
        return sections.get(sections.size() - 1);
    }

    ReadModel model(Path path, String format) {
        body.finish();
        footnotes.finish();
        List<HiddenItem> hidden = new ArrayList<>();
        List<TextBlock> blocks = blocks(body, hidden);
        List<TextBlock> top = List.copyOf(blocks.subList(0, Math.min(FIRST_PAGE_LINES, blocks.size())));
        blocks.addAll(blocks(footnotes, hidden));
        List<RunningSlot> slots = slots(hidden);
        for (int i = 0; i < comments.size(); i++) {
            hidden.add(new HiddenItem(HiddenKind.COMMENT, comments.get(i).joined(), commentAnchors.get(i)));
        }
        for (String key : List.of("core.creator", "core.lastModifiedBy", "core.company")) {
            String v = properties.get(key);
            if (v != null) {
                hidden.add(new HiddenItem(HiddenKind.PROPERTY, v,
                        Location.part("property:" + ("core.company".equals(key) ? "app.company" : key))));
            }
        }
        for (int i = 0; i < objects; i++) {
            hidden.add(new HiddenItem(HiddenKind.EMBEDDED_OBJECT, "OLE object " + (i + 1), Location.part("embedded-object")));
        }
        return new ReadModel(path, format, Unit.SECTION, top, blocks, slots, properties, hidden);
    }

    private List<RunningSlot> slots(List<HiddenItem> hidden) {
        List<RunningSlot> slots = new ArrayList<>();
        Set<Story> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int s = 0; s < sections.size(); s++) {
            List<SlotType> types = new ArrayList<>(List.of(SlotType.DEFAULT));
            if (sections.get(s).titlePage) {
                types.add(SlotType.FIRST);
            }
            if (facingPages) {
                types.add(SlotType.EVEN);
            }
            for (SlotType t : types) {
                Story h = shown(s, t, true);
                Story f = shown(s, t, false);
                // a story shown in many sections reports its hidden text once
                List<TextBlock> header = running(h, "header:" + t.id(), s + 1, seen.add(h) ? hidden : new ArrayList<>());
                List<TextBlock> footer = running(f, "footer:" + t.id(), s + 1, seen.add(f) ? hidden : new ArrayList<>());
                slots.add(new RunningSlot(s + 1, t, header, footer, h == null ? List.of() : h.watermarks()));
            }
        }
        return slots;
    }

    /** The story section {@code s} shows for {@code type}: its own, else the nearest earlier section's. */
    private Story shown(int s, SlotType type, boolean header) {
        for (int i = s; i >= 0; i--) {
            Story story = (header ? sections.get(i).headers : sections.get(i).footers).get(type);
            if (story != null) {
                return story;
            }
        }
        return null;
    }

    private static List<TextBlock> running(Story story, String part, int section, List<HiddenItem> hidden) {
        if (story == null) {
            return List.of();
        }
        story.finish();
        List<TextBlock> out = new ArrayList<>();
        for (Story.Paragraph p : story.paragraphs()) {
            Location at = new Location(part, section, 0, p.index(), 0, 0);
            add(p, at, out, hidden);
        }
        return out;
    }

    private static List<TextBlock> blocks(Story story, List<HiddenItem> hidden) {
        List<TextBlock> out = new ArrayList<>();
        for (Story.Paragraph p : story.paragraphs()) {
            add(p, new Location(story.part(), p.section(), 0, p.index(), 0, 0), out, hidden);
        }
        return out;
    }

    private static void add(Story.Paragraph p, Location at, List<TextBlock> out, List<HiddenItem> hidden) {
        Interruption.check();
        if (!p.text().isEmpty()) {
            out.add(new TextBlock(p.text(), at));
        }
        if (!p.hidden().isEmpty()) {
            hidden.add(new HiddenItem(HiddenKind.HIDDEN_TEXT, p.hidden(), at));
        }
        if (!p.deleted().isEmpty()) {
            hidden.add(new HiddenItem(HiddenKind.DELETION, p.deleted(), at));
        }
    }
}
