package dev.marking.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project folder: MARKING_HOME, else the folder above marking-cli/target/marking.jar, else the cwd. */
final class Home {

    private Home() {
    }

    static Path find() {
        String env = System.getenv("MARKING_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
            return Path.of("").toAbsolutePath();
        }
        return Path.of("").toAbsolutePath();
    }
}
