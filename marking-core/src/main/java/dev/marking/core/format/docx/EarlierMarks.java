package dev.marking.core.format.docx;

import dev.marking.core.format.EarlierBlock;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Markings a document carries that we did not write, or no longer recognise as ours, and that a stamp
 * replaces so the pages show one level (DESIGN §1.3): a first-page block typed by hand or left by
 * another tool ({@link EarlierBlock}), a leading 版头 table of form fields ({@code 密级 | 机密}), header
 * and footer paragraphs that are nothing but a mark or a copy number, and watermarks that carry a mark.
 * The rest of the user's headers and footers is kept.
 */
final class EarlierMarks {

    private static final MarkingParser PARSER = MarkingParser.standard();
    /** How far down the body an earlier block is looked for. */
    private static final int LINES = 12;

    private EarlierMarks() {
    }

    /**
     * Removes the earlier block at the top of {@code body} and brings a leading form table in line with
     * {@code marking}: a table of nothing but form fields goes, the level and term cells of a larger one
     * are rewritten.
     */
    static void replaceBlock(Element body, Marking marking) {
        List<Element> paragraphs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Element table = null;
        for (Element e : Wml.children(body)) {
            if (Wml.isW(e, "p") && !endsSection(e)) {
                paragraphs.add(e);
                lines.add(ParagraphText.of(e).text());
            } else {
                table = Wml.isW(e, "tbl") && lines.stream().allMatch(String::isBlank) ? e : null;
                break;
            }
            if (paragraphs.size() > LINES) {
                break;
            }
        }
        List<Integer> block = EarlierBlock.lines(lines, PARSER);
        if (!block.isEmpty()) {
            int last = block.get(block.size() - 1);
            for (int i = block.get(0); i <= last; i++) {
                OurContent.remove(paragraphs.get(i));
            }
        } else if (table != null) {
            FormTable.replace(table, marking, PARSER);
        }
    }

    /** Removes header/footer paragraphs that only say a mark or a copy number, and watermarks with a mark. */
    static void removeFromRunning(Element story) {
        List<Element> doomed = new ArrayList<>();
        for (Element p : Wml.descendants(story, Wml.W, "p")) {
            String text = ParagraphText.of(p).text().strip();
            boolean markOnly = !text.isEmpty() && EarlierBlock.lines(List.of(text), PARSER).size() == 1;
            boolean copyOnly = text.matches("第\\s*\\d{1,12}\\s*份");
            if ((markOnly || copyOnly) && !holdsShape(p)) {
                doomed.add(p);
            }
        }
        for (Element shape : Wml.descendants(story, Wml.V, "textpath")) {
            if (!PARSER.findAll(shape.getAttribute("string")).isEmpty()) {
                doomed.add(run(shape));
            }
        }
        for (Element wsp : Wml.descendants(story, Wml.WPS, "wsp")) {
            if (Watermarks.isWatermarkShape(wsp) && !PARSER.findAll(Watermarks.text(wsp)).isEmpty()) {
                doomed.add(run(wsp));
            }
        }
        for (Element e : doomed) {
            if (e != null && e.getParentNode() != null) {
                OurContent.remove(e);
            }
        }
    }

    private static boolean endsSection(Element p) {
        return Wml.childW(p, "pPr").flatMap(pPr -> Wml.childW(pPr, "sectPr")).isPresent();
    }

    /** A paragraph that anchors a shape or picture (kept: it may position the user's own drawing). */
    private static boolean holdsShape(Element p) {
        return !Wml.descendants(p, Wml.W, "drawing").isEmpty() || !Wml.descendants(p, Wml.W, "pict").isEmpty();
    }

    /** The run that holds {@code e}. */
    private static Element run(Element e) {
        for (Node n = e.getParentNode(); n != null; n = n.getParentNode()) {
            if (Wml.isW(n, "r")) {
                return (Element) n;
            }
        }
        return null;
    }
}
