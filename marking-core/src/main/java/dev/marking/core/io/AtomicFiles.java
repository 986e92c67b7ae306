package dev.marking.core.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files whole or not at all: a temporary file beside the target, then a rename. Temporary files
 * are named {@code .marking-PID-START-RANDOM.tmp} (the writing process and its start time) and created
 * with mode 600, since they hold the document's text before it is complete; the finished file gets the
 * mode any new file of this process gets (the umask's), as other users may need to read outputs. Every
 * later run in a folder removes the temporary files whose process is gone ({@link #removeAbandoned}).
 */
public final class AtomicFiles {

    /** Prefix of temporary files in output folders. */
    public static final String TEMP_PREFIX = ".marking-";

    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(TEMP_PREFIX) + "(\\d+)-(\\d+)-[0-9a-f-]+"
            + Pattern.quote(TEMP_SUFFIX));
    /** Temporary files of older versions carry no owner; a minute without change means their run is over. */
    private static final Duration UNOWNED_AGE = Duration.ofMinutes(1);
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /** Something that writes text. */
    @FunctionalInterface
    public interface TextWriter {
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** A new, empty temporary file in {@code dir}, readable by its owner only. */
    public static Path newTemp(Path dir) throws IOException {
        Path temp = dir.resolve(TEMP_PREFIX + Owner.SELF + "-" + UUID.randomUUID() + TEMP_SUFFIX);
        if (Modes.POSIX) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PRIVATE));
        } else {
            Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        }
        return temp;
    }

    /** True when {@code file} is named like one of our temporary files. */
    public static boolean isTemp(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    /** Renames {@code temp} onto {@code target}, replacing it, atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        moveIntoPlace(temp, target, true);
    }

    /**
     * Forces {@code temp} to disk, gives it the mode of a new file and renames it onto {@code target}. Unless
     * {@code replace}, an existing target is never replaced, not even one that appeared a moment ago: the
     * file is linked in place (which fails on an existing name) where the file system can link.
     *
     * @throws FileAlreadyExistsException when {@code target} exists and may not be replaced
     */
    public static void moveIntoPlace(Path temp, Path target, boolean replace) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        if (Modes.POSIX) {
            Files.setPosixFilePermissions(temp, Modes.NEW_FILE);
        }
        if (!replace && linked(temp, target)) {
            Files.delete(temp);
            return;
        }
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Links {@code target} to {@code temp}'s content; false when the file system cannot link. */
    private static boolean linked(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            return false;
        }
    }

    /** Writes UTF-8 text to {@code target} through a temporary file, creating parent folders. */
    public static void write(Path target, TextWriter content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeAbandoned(parent);
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

    /**
     * Removes the temporary files in {@code dir} whose writing process has ended (killed, crashed, or an
     * older version's after a minute); files of live processes, this one included, stay. Returns how many
     * were removed; a folder that does not exist has none.
     */
    public static int removeAbandoned(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : s) {
                if (abandoned(p)) {
                    try {
                        removed += Files.deleteIfExists(p) ? 1 : 0;
                    } catch (NoSuchFileException e) {
                        // another run removed it first
                        continue;
                    }
                }
            }
        }
        return removed;
    }

    private static boolean abandoned(Path temp) throws IOException {
        Matcher m = OWNED.matcher(String.valueOf(temp.getFileName()));
        if (!m.matches()) {
            FileTime changed = Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS);
            return changed.toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
        }
        return !Owner.alive(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** Who writes a temporary file: this process's id and start time (ids are reused, start times tell them apart). */
    private static final class Owner {

        static final String SELF = ProcessHandle.current().pid() + "-" + start(ProcessHandle.current()).orElse(0L);

        static boolean alive(long pid, long startMillis) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) {
                return false;
            }
            Optional<Long> start = start(h.get());
            return startMillis == 0 || start.isEmpty() || start.get() == startMillis;
        }

        private static Optional<Long> start(ProcessHandle h) {
            return h.info().startInstant().map(Instant::toEpochMilli);
        }
    }

    /** File modes: whether the file system has them, and what a new file of this process gets. */
    private static final class Modes {

        static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix");
        static final Set<PosixFilePermission> NEW_FILE = POSIX ? probe() : Set.of();

        /** The umask is not visible to Java: the mode of a freshly created file tells it. */
        private static Set<PosixFilePermission> probe() {
            try {
                Path dir = Path.of(System.getProperty("java.io.tmpdir"));
                Path p = dir.resolve(TEMP_PREFIX + "mode-" + UUID.randomUUID() + TEMP_SUFFIX);
                Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                try {
                    return Files.getPosixFilePermissions(p);
                } finally {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return PosixFilePermissions.fromString("rw-r--r--");
            }
        }

        private Modes() {
        }
    }
}
