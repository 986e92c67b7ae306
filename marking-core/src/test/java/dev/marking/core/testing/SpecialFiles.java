package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

/** Named pipes, symbolic links and folders without permission, made for tests of hostile file trees. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A named pipe at {@code path} (nothing ever writes to it: opening it to read would block forever). */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Path mkfifo = ExternalTools.require("mkfifo", "named pipes in scanned trees");
        Process p = new ProcessBuilder(mkfifo.toString(), path.toString()).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "mkfifo " + path);
        return path;
    }

    /** A symbolic link {@code link} → {@code target}; the test is skipped where links cannot be made. */
    public static Path link(Path link, Path target) throws IOException {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Assumptions.abort("symbolic links cannot be made here: " + e);
            return link;
        }
    }

    /**
     * Runs {@code body} while {@code folder} has no permissions at all, then gives them back. Skipped (also under CI)
     * where permissions do not stop this process — as root, or on a file system without them; a fault-injecting
     * test covers the same code path there.
     */
    public static void withoutPermissions(Path folder, Executable body) throws Throwable {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions here");
        }
        try {
            boolean stopped;
            try (var s = Files.newDirectoryStream(folder)) {
                stopped = false;
            } catch (IOException e) {
                stopped = true;
            }
            Assumptions.assumeTrue(stopped, "permissions do not stop this user (root?): covered by the fault-injecting test");
            body.execute();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
