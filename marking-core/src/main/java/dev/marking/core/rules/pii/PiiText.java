package dev.marking.core.rules.pii;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import dev.marking.core.text.Widths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A match of a PII pattern and the block it is in. */
    record Hit(TextBlock block, MatchResult match) {

        Location location() {
            return at(block, match.start());
        }
    }

    /** Every match of {@code pattern} in the width-folded PII text of {@code model}, block by block. */
    static List<Hit> matches(ReadModel model, Pattern pattern) {
        List<Hit> hits = new ArrayList<>();
        for (TextBlock block : blocks(model)) {
            Matcher m = pattern.matcher(Widths.fold(block.text()));
            while (m.find()) {
                hits.add(new Hit(block, m.toMatchResult()));
            }
        }
        return hits;
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
