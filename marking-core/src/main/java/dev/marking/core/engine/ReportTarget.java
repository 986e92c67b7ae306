package dev.marking.core.engine;

import java.nio.file.Path;

/**
 * Where a verify writes one report.
 *
 * @param format the report format id ({@code text}, {@code json}, {@code sarif}, {@code checkstyle})
 * @param kind   to the console writer, to a file, or into a folder as {@code marking.<extension>}
 * @param path   the file or folder; null for the console
 */
public record ReportTarget(String format, Kind kind, Path path) {

    /** Where the report goes. */
    public enum Kind { CONSOLE, FILE, FOLDER }

    /** To the writer given to {@link Engine#verify}. */
    public static ReportTarget console(String format) {
        return new ReportTarget(format, Kind.CONSOLE, null);
    }

    /** To {@code file}, written atomically. */
    public static ReportTarget file(String format, Path file) {
        return new ReportTarget(format, Kind.FILE, file);
    }

    /** Into {@code folder} as {@code marking.<extension>} (the format's own extension), written atomically. */
    public static ReportTarget folder(String format, Path folder) {
        return new ReportTarget(format, Kind.FOLDER, folder);
    }
}
