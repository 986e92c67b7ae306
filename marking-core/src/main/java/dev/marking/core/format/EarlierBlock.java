package dev.marking.core.format;

import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.LabelledMark;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An earlier first-page block a restamp must replace (DESIGN §1.3): the leading lines of a document
 * that are a copy number ({@code 000123}, {@code 份号：000123}), a whole-line mark ({@code 秘密★5年},
 * {@code 密级：机密}), a labelled form ({@code 密级：机密 保密期限：5年} over one or more lines) or an
 * urgency ({@code 特急}), hand-typed or left by another tool; blank lines between them count too.
 * Only a run that holds a mark is a block: a lone number at the top of a page is a page number.
 */
public final class EarlierBlock {

    /** How many leading lines the labelled-form reader looks at. */
    private static final int FORM_LINES = 8;

    private EarlierBlock() {
    }

    /**
     * Indices of the lines of {@code lines} (the first lines of the first page, in reading order) that
     * form an earlier block, in order; empty when the document does not start with one.
     */
    public static List<Integer> lines(List<String> lines, MarkingParser parser) {
        Optional<LabelledMark> form = parser.findLabelled(lines.subList(0, Math.min(FORM_LINES, lines.size())));
        List<Integer> out = new ArrayList<>();
        boolean sawMark = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean inForm = form.isPresent() && i >= form.get().firstLine() && i <= form.get().lastLine()
                    && formOnly(lines, form.get(), parser);
            boolean mark = inForm || parser.parse(line).isPresent();
            if (!mark && CopyNumber.digitsOfLine(line).isEmpty() && Urgency.parse(line).isEmpty()) {
                break;
            }
            sawMark |= mark;
            out.add(i);
        }
        return sawMark ? out : List.of();
    }

    /** True when the lines of {@code form} hold nothing but the form's fields (a line of prose is kept). */
    private static boolean formOnly(List<String> lines, LabelledMark form, MarkingParser parser) {
        for (int k = form.firstLine(); k <= form.lastLine(); k++) {
            String rest = lines.get(k).replaceAll("(密\\s*级|保密期限|解密时间|解密日期|解密条件|定密日期|定密时间|份号|紧急程度)"
                    + "\\s*[:：|｜]?", " ");
            for (String token : rest.strip().split("[\\s|｜,，;；]+")) {
                if (!token.isEmpty() && !isField(token, parser)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isField(String token, MarkingParser parser) {
        return parser.level(token).isPresent() || parser.parse(token).isPresent() || Urgency.parse(token).isPresent()
                || !CopyNumber.digitsOfLine(token).isEmpty()
                || token.matches("\\d{1,4}\\s*(年|个月|月)|长期|\\d{4}(年\\d{1,2}月\\d{1,2}日|-\\d{1,2}-\\d{1,2})")
                || token.matches("[零一二三四五六七八九十两〇]{1,3}(年|个月)");
    }
}
