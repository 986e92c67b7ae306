package dev.marking.core.format;

import dev.marking.core.model.Location;
import java.util.List;
import java.util.Optional;

/**
 * Content a reader does not see but the file still carries.
 *
 * @param kind     what it is
 * @param text     the hidden text (may be empty for binary objects)
 * @param location where it is
 */
public record HiddenItem(HiddenKind kind, String text, Location location) {

    /** Characters of hidden text kept in one item made of many blocks. */
    public static final int EXCERPT = 2000;

    /**
     * One item for a run of hidden blocks (the cells of a hidden sheet, row or column; a hidden slide): their
     * texts joined by spaces, the first {@value #EXCERPT} characters or so; empty when there are none.
     */
    public static Optional<HiddenItem> joined(HiddenKind kind, List<TextBlock> blocks, Location at) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (TextBlock b : blocks) {
            if (sb.length() >= EXCERPT) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(b.text());
        }
        return Optional.of(new HiddenItem(kind, sb.toString(), at));
    }
}
