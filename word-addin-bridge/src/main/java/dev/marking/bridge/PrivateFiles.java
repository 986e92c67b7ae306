package dev.marking.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/** Files and folders only the owner may read: the config folder, the key store, the token, request temp files. */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** {@code $XDG_CONFIG_HOME/marking}, else {@code ~/.config/marking}. */
    static Path configFolder(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("marking");
    }

    /** Creates {@code dir} (and parents) when missing and makes it owner-only. */
    static Path folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        restrict(dir, DIR);
        return dir;
    }

    /** A fresh owner-only temporary folder. */
    static Path tempFolder(String prefix) throws IOException {
        return POSIX ? Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(DIR))
                : Files.createTempDirectory(prefix);
    }

    /** A fresh owner-only folder inside {@code parent}. */
    static Path tempFolder(Path parent, String prefix) throws IOException {
        return POSIX ? Files.createTempDirectory(parent, prefix, PosixFilePermissions.asFileAttribute(DIR))
                : Files.createTempDirectory(parent, prefix);
    }

    /** Creates {@code file}, which must not exist yet, owner-only from its first byte, for writing. */
    static FileChannel create(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return POSIX ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(FILE))
                : FileChannel.open(file, options);
    }

    /** Writes {@code bytes} to {@code file} atomically; the file is owner-only from its first byte. */
    static void write(Path file, byte[] bytes) throws IOException {
        Path dir = folder(file.toAbsolutePath().getParent());
        FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, ".marking-", ".tmp", attrs);
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes an existing file owner-only (an older install or a copy may have left it wider). */
    static void restrict(Path file) throws IOException {
        restrict(file, FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> perms) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(perms)) {
            Files.setPosixFilePermissions(path, perms);
        }
    }

    /** Deletes a folder and everything in it; missing is fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            // A file went or came while walking (work that was interrupted finishing up): the caller may try again.
            throw e.getCause();
        }
    }
}
