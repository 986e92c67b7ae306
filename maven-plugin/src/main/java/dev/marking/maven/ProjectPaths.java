package dev.marking.maven;

import java.io.File;
import java.nio.file.Path;

/** Paths as a Maven user reads them in the log: relative to the project when inside it. */
final class ProjectPaths {

    private ProjectPaths() {
    }

    /** {@code target/marking/marking.json} rather than an absolute path when {@code file} is under {@code basedir}. */
    static String shown(File basedir, Path file) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
