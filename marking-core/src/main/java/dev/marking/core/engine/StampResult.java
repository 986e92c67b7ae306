package dev.marking.core.engine;

import dev.marking.core.text.Escapes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a stamp did, file by file. A file that could not be stamped left nothing behind.
 *
 * @param mark          the canonical mark stamped ({@code 机密★5年})
 * @param watermarkText the watermark text of a single copy ({@code 机密★5年 第000003份})
 * @param files         one entry per source file, in order
 * @param notes         what was repaired or recovered on the way (a torn ledger line, copies a stopped run left),
 *                      for the user; empty when nothing
 */
public record StampResult(String mark, String watermarkText, List<StampedFile> files, List<String> notes) {

    public StampResult {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** True when every file was stamped. */
    public boolean allStamped() {
        return files.stream().allMatch(f -> f.failure().isEmpty());
    }

    public List<StampedFile> failed() {
        return files.stream().filter(f -> f.failure().isPresent()).toList();
    }

    /**
     * One source file.
     *
     * @param source   the file given or found under a folder
     * @param relative its path relative to its folder ('/'-separated), or its name when given directly
     * @param written  the stamped copies, in copy-number order
     * @param copies   their copy numbers ({@code 000001}), for numbered copies
     * @param metadata the §3.4 properties written into a single copy
     * @param failure  why it could not be stamped
     * @param notes    what the user should know about the stamped file, in the request's language (pages
     *                 moved or shrunk to keep the marks off their ink, an earlier marking removed, a stale
     *                 signature removed); each once, also for numbered copies
     */
    public record StampedFile(Path source, String relative, List<Path> written, List<String> copies,
            Map<String, String> metadata, Optional<Failure> failure, List<String> notes) {

        public StampedFile {
            written = List.copyOf(written);
            copies = List.copyOf(copies);
            metadata = Map.copyOf(metadata);
            notes = List.copyOf(notes);
        }

        /** The source as a shell prints it on a line: control characters and bidi overrides escaped. */
        public String shown() {
            return Escapes.visible(source.toString());
        }
    }

    /**
     * Why a file was not stamped.
     *
     * @param code    {@code file.unreadable}, {@code file.encrypted}, {@code file.unsupported}
     * @param message for a person
     */
    public record Failure(String code, String message) {
    }
}
