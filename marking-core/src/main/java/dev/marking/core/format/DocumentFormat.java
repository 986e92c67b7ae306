package dev.marking.core.format;

import java.nio.file.Path;
import java.util.List;

/** One file format: reads a file into a {@link ReadModel} and stamps a marking onto a copy. */
public interface DocumentFormat {

    /** {@code docx}, {@code pdf}, {@code text}. */
    String id();

    /** True when this adapter handles the file (by name; content is checked when reading). */
    boolean supports(Path file);

    /** Reads the file; never modifies it. */
    ReadModel read(Path file) throws DocumentException;

    /**
     * Writes a stamped copy of {@code source} to {@code target}. {@code target} is a fresh temporary
     * file chosen by the caller, which renames it into place; the adapter never touches {@code source}.
     * Stamping an already stamped file replaces our previous stamp instead of adding a second one.
     */
    void stamp(Path source, Path target, StampOptions options) throws DocumentException;

    /**
     * Reads {@code source} once for stamping many numbered copies. The result must be safe to call from
     * several threads at once. The default stamps each copy from the source again; adapters override it
     * to parse once and change only what differs per copy.
     */
    default PreparedSource prepare(Path source) throws DocumentException {
        return (target, options) -> stamp(source, target, options);
    }

    /**
     * {@link #prepare(Path)}, told the recipients' labels the copies will carry, so that an adapter can
     * make room for them once (PDF embeds their glyphs in the shared base).
     */
    default PreparedSource prepare(Path source, List<String> recipientLabels) throws DocumentException {
        return prepare(source);
    }
}
