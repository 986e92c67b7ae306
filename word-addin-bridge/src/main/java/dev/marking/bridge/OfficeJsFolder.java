package dev.marking.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The folder given with {@code --office-js}, served at {@code /addin/office/}: regular files inside it only.
 * A link that leads out of it, a dot file or folder, a FIFO or device, or anything larger than
 * {@link #MAX_FILE} is not found.
 */
final class OfficeJsFolder {

    /** office.js and its host scripts are a few hundred KB each. */
    static final long MAX_FILE = 16L * 1024 * 1024;

    private final Path root;

    private OfficeJsFolder(Path root) {
        this.root = root;
    }

    /** The folder as it really is (links resolved once, here); it must exist. */
    static OfficeJsFolder of(Path dir) throws IOException {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("--office-js " + dir + ": no such folder", e);
        }
        if (!Files.isDirectory(real)) {
            throw new IOException("--office-js " + dir + " is not a folder");
        }
        return new OfficeJsFolder(real);
    }

    /** The bytes of {@code rel} ('/'-separated, no dot segments: the caller checked the form). */
    Optional<byte[]> read(String rel) throws IOException {
        Path wanted = root.resolve(rel).normalize();
        if (!wanted.startsWith(root)) {
            return Optional.empty();
        }
        Path real;
        try {
            real = wanted.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!real.startsWith(root) || hidden(root.relativize(real))) {
            return Optional.empty();
        }
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile() || attrs.size() > MAX_FILE) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE + 1);
            return bytes.length > MAX_FILE ? Optional.empty() : Optional.of(bytes);
        }
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
