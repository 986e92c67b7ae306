package dev.marking.core.format.docx;

import dev.marking.core.format.EarlierBlock;
import dev.marking.core.model.LabelledMark;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * A 版头 table of form fields at the top of a document ({@code 密级 | 机密 | 保密期限 | 5年}): a restamp
 * removes it when it holds nothing else, and otherwise writes the new level and term into its cells.
 */
final class FormTable {

    private static final Pattern LEVEL_LABEL = Pattern.compile("^\\s*密\\s*级\\s*[:：]?\\s*$");
    private static final Pattern TERM_LABEL = Pattern.compile("^\\s*(保密期限|解密时间|解密日期|解密条件)\\s*[:：]?\\s*$");

    private FormTable() {
    }

    static void replace(Element table, Marking marking, MarkingParser parser) {
        List<Element> cells = Wml.descendants(table, Wml.W, "tc");
        List<String> texts = new ArrayList<>();
        for (Element c : cells) {
            texts.add(text(c));
        }
        Optional<LabelledMark> form = parser.findLabelled(texts);
        if (form.isEmpty()) {
            return;
        }
        int first = form.get().firstLine();
        int last = form.get().lastLine();
        boolean onlyForm = true;
        for (int i = 0; i < texts.size(); i++) {
            onlyForm &= texts.get(i).isBlank() || i >= first && i <= last;
        }
        if (onlyForm || EarlierBlock.lines(texts, parser).size() == texts.stream().filter(t -> !t.isBlank()).count()) {
            OurContent.remove(table);
            return;
        }
        String previous = "";
        for (int i = first; i <= last; i++) {
            String t = texts.get(i);
            if (t.isBlank()) {
                continue;
            }
            if (LEVEL_LABEL.matcher(previous).matches() && parser.level(t).isPresent()) {
                write(cells.get(i), marking.script().write(marking.level().name()));
            } else if (TERM_LABEL.matcher(previous).matches()) {
                write(cells.get(i), marking.script().write(marking.term().canonical()));
            }
            previous = t;
        }
    }

    private static String text(Element cell) {
        StringBuilder sb = new StringBuilder();
        for (Element p : Wml.descendants(cell, Wml.W, "p")) {
            sb.append(ParagraphText.of(p).text());
        }
        return sb.toString().strip();
    }

    /** Puts {@code value} in the cell's first text run and empties its other texts. */
    private static void write(Element cell, String value) {
        List<Element> texts = Wml.descendants(cell, Wml.W, "t");
        for (int i = 0; i < texts.size(); i++) {
            Element t = texts.get(i);
            while (t.getFirstChild() != null) {
                t.removeChild(t.getFirstChild());
            }
            if (i == 0) {
                t.appendChild(t.getOwnerDocument().createTextNode(value));
            }
        }
    }
}
