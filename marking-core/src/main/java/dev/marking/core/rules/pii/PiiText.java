package dev.marking.core.rules.pii;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where personal information is looked for: body blocks and running header/footer paragraphs. */
final class PiiText {

    private PiiText() {
    }

    /** Body blocks, then the header and footer paragraphs of every slot; each block once. */
    static List<TextBlock> blocks(ReadModel model) {
        Set<TextBlock> all = new LinkedHashSet<>(model.body());
        for (RunningSlot slot : model.slots()) {
            all.addAll(slot.header());
            all.addAll(slot.footer());
        }
        return new ArrayList<>(all);
    }

    /** The location of a hit that starts at {@code offset} (0-based) in {@code block}. */
    static Location at(TextBlock block, int offset) {
        Location l = block.location();
        return l.withColumn(l.column() > 0 ? l.column() + offset : offset + 1);
    }

    /** The digits (and an ID's {@code X}, upper-cased) of width-folded {@code s}, without spaces or hyphens. */
    static String digits(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == 'X' || c == 'x') {
                sb.append(c == 'x' ? 'X' : c);
            }
        }
        return sb.toString();
    }
}
