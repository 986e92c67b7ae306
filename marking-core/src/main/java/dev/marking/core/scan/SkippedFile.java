package dev.marking.core.scan;

import dev.marking.core.model.Message;
import java.util.Locale;

/**
 * Something a folder walk met and did not check, and why: reports count every one and list them on request
 * ({@code --list-skipped}), so nothing is left out unseen.
 *
 * @param path   as shown in reports ('/'-separated; a folder ends in '/')
 * @param reason why it was left out
 * @param detail what it is, rendered in the user's language ({@code kind.image} with {@code PNG})
 */
public record SkippedFile(String path, Reason reason, Message detail) implements Comparable<SkippedFile> {

    /** Why something was not checked. */
    public enum Reason {
        /** Its content and name show it is not a document (a program, an image, source code, data). */
        NOT_DOCUMENT,
        /** The policy's or the caller's include/exclude globs leave it out. */
        EXCLUDED,
        /** A version-control, IDE, dependency or build folder, never walked into. */
        FOLDER,
        /** A symbolic link to a folder the walk has already been through (a loop, or a second way in). */
        LINK;

        /** {@code not-document}, {@code excluded}, {@code folder}, {@code link}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Override
    public int compareTo(SkippedFile o) {
        return path.compareTo(o.path);
    }
}
