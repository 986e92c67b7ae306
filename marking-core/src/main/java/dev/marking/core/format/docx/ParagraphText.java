package dev.marking.core.format.docx;

import dev.marking.core.format.HiddenKind;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The text of one {@code w:p} as Word shows it, plus what it carries unseen: tracked deletions are
 * left out of the visible text, tracked insertions are shown (and listed), hidden ({@code w:vanish})
 * runs are left out. Runs blacked out by a dark shading or highlight under dark text stay in the
 * visible text (they can be copied) and are listed as {@code covered-text}; alt text of drawings is
 * listed as {@code alt-text}. Text boxes anchored in the paragraph are returned for the caller to read as
 * paragraphs of their own.
 */
final class ParagraphText {

    /** Something in the paragraph a reader does not see; {@code column} is 1-based in the visible text. */
    record Unseen(HiddenKind kind, String text, int column) {
    }

    /**
     * What a paragraph holds.
     *
     * @param text       the visible text
     * @param unseen     deletions, insertions and hidden text
     * @param textBoxes  {@code w:txbxContent} elements of shapes anchored here (watermark shapes excluded)
     * @param commentIds ids of comments anchored here
     * @param covert     the zero-width characters of a {@link CovertMark}, taken out of {@code text}
     */
    record Content(String text, List<Unseen> unseen, List<Element> textBoxes, List<String> commentIds,
            String covert) {
    }

    private final StringBuilder visible = new StringBuilder();
    private final List<Unseen> unseen = new ArrayList<>();
    private final List<Element> textBoxes = new ArrayList<>();
    private final List<String> commentIds = new ArrayList<>();
    private final StringBuilder covert = new StringBuilder();
    private Element paragraphShading;

    private ParagraphText() {
    }

    static Content of(Element paragraph) {
        ParagraphText t = new ParagraphText();
        t.paragraphShading = Wml.childW(paragraph, "pPr").flatMap(p -> Wml.childW(p, "shd")).orElse(null);
        t.inline(paragraph);
        return new Content(t.visible.toString(), t.unseen, t.textBoxes, t.commentIds, t.covert.toString());
    }

    private void inline(Element parent) {
        for (Element e : Wml.children(parent)) {
            if (Wml.isW(e, "r")) {
                run(e);
            } else if (Wml.isW(e, "del") || Wml.isW(e, "moveFrom")) {
                deleted(e);
            } else if (Wml.isW(e, "ins") || Wml.isW(e, "moveTo")) {
                inserted(e);
            } else if (Wml.isW(e, "commentRangeStart")) {
                commentIds.add(Wml.attr(e, Wml.W, "id"));
            } else if (Wml.is(e, Wml.MC, "AlternateContent")) {
                Wml.child(e, Wml.MC, "Choice").ifPresent(this::inline);
            } else if (!Wml.isW(e, "pPr") && !Wml.isW(e, "sdtPr") && !Wml.isW(e, "sdtEndPr")) {
                inline(e);
            }
        }
    }

    private void run(Element r) {
        boolean hidden = Wml.childW(r, "rPr").flatMap(p -> Wml.childW(p, "vanish")).map(Wml::on).orElse(false);
        String text = runText(r);
        if (hidden) {
            if (!text.isBlank()) {
                unseen.add(new Unseen(HiddenKind.HIDDEN_TEXT, text, visible.length() + 1));
            }
            return;
        }
        covert.append(CovertMark.symbols(text));
        if (!text.isBlank() && RunColours.blackedOut(r, paragraphShading)) {
            unseen.add(new Unseen(HiddenKind.COVERED_TEXT, CovertMark.strip(text), visible.length() + 1));
        }
        for (Element d : Wml.descendants(r, Wml.WP, "docPr")) {
            String alt = (d.getAttribute("title") + " " + d.getAttribute("descr")).strip();
            // a watermark drawn from outlines carries its text as the description: it is read as the watermark
            boolean watermark = Wml.descendants(d.getParentNode(), Wml.WPS, "wsp").stream()
                    .anyMatch(Watermarks::isWatermarkShape);
            if (!alt.isEmpty() && !watermark) {
                unseen.add(new Unseen(HiddenKind.ALT_TEXT, alt, visible.length() + 1));
            }
        }
        visible.append(CovertMark.strip(text));
        for (Element c : Wml.children(r)) {
            if (Wml.isW(c, "commentReference") && !commentIds.contains(Wml.attr(c, Wml.W, "id"))) {
                commentIds.add(Wml.attr(c, Wml.W, "id"));
            }
        }
        textBoxes.addAll(TextBoxes.in(r));
    }

    private void deleted(Element del) {
        StringBuilder sb = new StringBuilder();
        for (Element r : Wml.descendants(del, Wml.W, "r")) {
            sb.append(runText(r));
        }
        if (!sb.toString().isBlank()) {
            unseen.add(new Unseen(HiddenKind.DELETION, sb.toString(), visible.length() + 1));
        }
    }

    private void inserted(Element ins) {
        int start = visible.length();
        inline(ins);
        String added = visible.substring(start);
        if (!added.isBlank()) {
            unseen.add(new Unseen(HiddenKind.INSERTION, added, start + 1));
        }
    }

    /** Text of one run: {@code w:t} and {@code w:delText}, tabs and breaks as whitespace. */
    private static String runText(Element r) {
        StringBuilder sb = new StringBuilder();
        for (Element c : Wml.children(r)) {
            switch (c.getLocalName()) {
                case "t", "delText" -> sb.append(Wml.ownText(c));
                case "tab", "ptab" -> sb.append('\t');
                case "br", "cr" -> sb.append('\n');
                case "noBreakHyphen" -> sb.append('-');
                default -> {
                    // drawings, field codes, footnote references: no visible characters of their own
                }
            }
        }
        return sb.toString();
    }
}
