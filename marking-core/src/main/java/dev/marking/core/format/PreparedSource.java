package dev.marking.core.format;

import dev.marking.core.model.Message;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A source document read once, ready to be stamped as many copies (see {@link DocumentFormat#prepare}). */
@FunctionalInterface
public interface PreparedSource {

    /** Writes one stamped copy to {@code target}, a fresh temporary file the caller renames. Thread-safe. */
    void stamp(Path target, StampOptions options) throws DocumentException;

    /** {@link #stamp(Path, StampOptions)}, telling {@code notes} what the user should know (see {@link DocumentFormat}). */
    default void stamp(Path target, StampOptions options, Consumer<Message> notes) throws DocumentException {
        stamp(target, options);
    }
}
