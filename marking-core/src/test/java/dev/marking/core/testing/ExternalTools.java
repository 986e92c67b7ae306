package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Real external programs tests drive: skipped with a reason where missing, but required under CI. */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** The program on PATH; aborts the test (fails it under {@code CI}) naming what is not checked without it. */
    public static Path require(String program, String notChecked) {
        Optional<Path> found = find(program, notChecked);
        if (found.isEmpty()) {
            Missing.skipOrFail(program + " not installed; " + notChecked + " not checked");
        }
        return found.get();
    }

    /** Aborts the test with {@code reason} (something outside the repository is not available), or fails it under CI. */
    public static void unavailable(String reason) {
        Missing.skipOrFail(reason);
    }

    /** The program on PATH, or empty where it is missing; fails the test under {@code CI}, which must have it. */
    public static Optional<Path> find(String program, String notChecked) {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
        if (found.isEmpty() && Missing.onCi()) {
            fail(program + " is required on CI: " + notChecked);
        }
        return found;
    }
}
