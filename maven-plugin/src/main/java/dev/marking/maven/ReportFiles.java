package dev.marking.maven;

import dev.marking.core.io.AtomicFiles;
import dev.marking.core.report.ReportWriter;
import dev.marking.core.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

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
        Path target = outDir.resolve(fileName(writer.id()));
        AtomicFiles.write(target, w -> writer.write(result, w));
        return target;
    }
}
