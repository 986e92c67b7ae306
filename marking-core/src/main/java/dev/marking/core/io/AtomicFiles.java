package dev.marking.core.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files whole or not at all: a temporary file beside the target, then a rename. Temporary
 * files are made with the umask's mode (not {@code createTempFile}'s 0600, which would stick to outputs
 * other users must read) and carry {@link #TEMP_PREFIX}, so a later run may remove leftovers.
 */
public final class AtomicFiles {

    /** Prefix of temporary files in output folders. */
    public static final String TEMP_PREFIX = ".marking-";

    /** Something that writes text. */
    @FunctionalInterface
    public interface TextWriter {
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** A new, empty temporary file in {@code dir}. */
    public static Path newTemp(Path dir) throws IOException {
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temp;
    }

    /** Renames {@code temp} onto {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes UTF-8 text to {@code target} through a temporary file, creating parent folders. */
    public static void write(Path target, TextWriter content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = newTemp(parent);
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.write(w);
            }
            moveIntoPlace(temp, target.toAbsolutePath());
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
