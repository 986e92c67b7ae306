package dev.marking.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path is on disk, found without opening it: opening a named pipe blocks until a writer comes and a
 * device may never end, so only regular files are ever opened.
 */
public enum FileKind {
    REGULAR, FOLDER, FIFO, CHARACTER_DEVICE, BLOCK_DEVICE, SOCKET, OTHER, MISSING, BROKEN_LINK;

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** The kind of {@code path}, following symbolic links; a link to nothing is {@link #BROKEN_LINK}. */
    public static FileKind of(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Files.isSymbolicLink(path) ? BROKEN_LINK : MISSING;
        }
        if (a.isRegularFile()) {
            return REGULAR;
        }
        if (a.isDirectory()) {
            return FOLDER;
        }
        return special(path);
    }

    /** The kind of a path already known to be neither a regular file nor a folder (its Unix mode, where there is one). */
    static FileKind special(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & S_IFMT) {
                    case S_IFIFO -> FIFO;
                    case S_IFCHR -> CHARACTER_DEVICE;
                    case S_IFBLK -> BLOCK_DEVICE;
                    case S_IFSOCK -> SOCKET;
                    default -> OTHER;
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No Unix view (Windows): all we know is that it is not a regular file.
        }
        return OTHER;
    }

    /** The key of this kind's name in the messages bundle ({@code filekind.fifo}). */
    public String messageKey() {
        return "filekind." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
