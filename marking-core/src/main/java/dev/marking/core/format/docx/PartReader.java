package dev.marking.core.format.docx;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads the paragraphs of one story (the body, a header, a footer) in reading order: paragraphs,
 * table cells, content controls and text boxes, numbering paragraphs 1, 2, … within the part. In the
 * body the section number advances after each paragraph that ends a section.
 */
final class PartReader {

    /** Block-level properties and fallbacks that hold no paragraphs of their own. */
    static final Set<String> SKIPPED = Set.of("sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr",
            "sdtEndPr", "del", "moveFrom");

    private final String part;
    private final boolean body;
    private int section;
    private int index;
    private final List<TextBlock> blocks = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();
    private final Map<String, Location> commentAnchors = new LinkedHashMap<>();
    private final List<String> covertCopies = new ArrayList<>();

    private PartReader(String part, int section, boolean body) {
        this.part = part;
        this.section = section;
        this.body = body;
    }

    /** A reader for the body: section numbers start at 1 and follow section breaks. */
    static PartReader body() {
        return new PartReader("body", 1, true);
    }

    /** A reader for a header or footer part ({@code header:default}) shown in {@code section}. */
    static PartReader story(String part, int section) {
        return new PartReader(part, section, false);
    }

    /** Reads the paragraphs under {@code container} ({@code w:body}, {@code w:hdr}, {@code w:ftr}). */
    PartReader read(Element container) {
        for (Element e : Wml.children(container)) {
            block(e);
        }
        return this;
    }

    List<TextBlock> blocks() {
        return blocks;
    }

    List<HiddenItem> hidden() {
        return hidden;
    }

    /** Copy numbers of the {@link CovertMark}s found, in reading order. */
    List<String> covertCopies() {
        return covertCopies;
    }

    /** Where each comment is anchored, by comment id. */
    Map<String, Location> commentAnchors() {
        return commentAnchors;
    }

    /**
     * Reads one block-level element found by a streaming reader ({@link BodyStream}): a paragraph (a section
     * break in its properties counts) or a section's properties.
     */
    void block(Element e) {
        if (Wml.isW(e, "p")) {
            paragraph(e);
            if (body && Wml.childW(e, "pPr").flatMap(p -> Wml.childW(p, "sectPr")).isPresent()) {
                section++;
            }
        } else if (Wml.isW(e, "sectPr")) {
            if (body) {
                section++;
            }
        } else if (Wml.is(e, Wml.MC, "AlternateContent")) {
            Wml.child(e, Wml.MC, "Choice").ifPresent(this::read);
        } else if (!Wml.W.equals(e.getNamespaceURI()) || !SKIPPED.contains(e.getLocalName())) {
            read(e);
        }
    }

    private void paragraph(Element p) {
        index++;
        ParagraphText.Content c = ParagraphText.of(p);
        Location loc = new Location(part, section, 0, index, 0, 0);
        if (!c.text().isBlank()) {
            blocks.add(new TextBlock(c.text(), loc));
        }
        for (ParagraphText.Unseen u : c.unseen()) {
            hidden.add(new HiddenItem(u.kind(), u.text(), loc.withColumn(u.column())));
        }
        CovertMark.decode(c.covert()).ifPresent(covertCopies::add);
        for (String id : c.commentIds()) {
            commentAnchors.putIfAbsent(id, loc);
        }
        for (Element box : c.textBoxes()) {
            read(box);
        }
    }
}
