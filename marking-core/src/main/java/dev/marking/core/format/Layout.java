package dev.marking.core.format;

import java.util.Locale;
import java.util.Optional;

/**
 * Where our additions may go on a page that has its own ink (DESIGN §1.3, {@code --layout}).
 * Formats that flow text (DOCX, text) have room by construction; PDF pages are laid out.
 */
public enum Layout {
    /** Default: the content stays where it is; our marks go to free places, and only a page without one is shrunk. */
    KEEP,
    /** Every page's content is shrunk to leave the standard bands free, so the marks sit in the same place on each. */
    SHRINK,
    /** The standard places, whatever is there (the marks may cover the page's own ink). */
    OVERLAY;

    /** {@code keep}, {@code shrink} or {@code overlay}, as the CLI writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layout named {@code id} (any case). */
    public static Optional<Layout> of(String id) {
        for (Layout l : values()) {
            if (l.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
