package dev.marking.core.format;

import java.nio.file.Path;

/** A source document read once, ready to be stamped as many copies (see {@link DocumentFormat#prepare}). */
@FunctionalInterface
public interface PreparedSource {

    /** Writes one stamped copy to {@code target}, a fresh temporary file the caller renames. Thread-safe. */
    void stamp(Path target, StampOptions options) throws DocumentException;
}
