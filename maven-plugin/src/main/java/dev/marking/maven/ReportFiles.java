package dev.marking.maven;

import dev.marking.core.report.ReportWriter;
import dev.marking.core.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/** Writes one report as {@code marking.<ext>} in the output folder, atomically. */
final class ReportFiles {

    private static final Map<String, String> EXTENSIONS = Map.of("text", "txt", "json", "json", "sarif", "sarif",
            "checkstyle", "xml");

    private ReportFiles() {
    }

    /** {@code marking.txt}, {@code marking.json}, {@code marking.sarif}, {@code marking.xml}; else {@code marking.<id>}. */
    static String fileName(String writerId) {
        return "marking." + EXTENSIONS.getOrDefault(writerId, writerId);
    }

    static Path write(ReportWriter writer, ScanResult result, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(fileName(writer.id()));
        // Not createTempFile: its 0600 mode would stick to the report; a new file gets the umask's mode.
        Path temp = outDir.resolve(".marking-report-" + UUID.randomUUID() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.write(result, w);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
