package dev.marking.core.format;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which running text a {@link RunningSlot} is: one of the header/footer variants a word processor or
 * spreadsheet shows per section or sheet, or the running text of one page or slide.
 */
public enum SlotType {
    /** The header/footer shown where no other applies (odd pages when even ones differ). */
    DEFAULT(true),
    /** The first page of a section or sheet, when it has its own. */
    FIRST(true),
    /** Even pages, when they have their own. */
    EVEN(true),
    /** One page of a fixed-layout document. */
    PAGE(false),
    /** One slide of a presentation (its footer placeholders and watermark). */
    SLIDE(false);

    private final boolean variant;

    SlotType(boolean variant) {
        this.variant = variant;
    }

    /** {@code default}, {@code first}, {@code even}, {@code page}, {@code slide}: the id in parts and messages. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the header variants of a section or sheet; false when the slot is the whole page or slide. */
    public boolean variant() {
        return variant;
    }

    /** The type with {@code id}. */
    public static SlotType of(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no slot type " + id));
    }

    @Override
    public String toString() {
        return id();
    }
}
