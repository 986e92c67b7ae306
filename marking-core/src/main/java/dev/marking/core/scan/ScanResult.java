package dev.marking.core.scan;

import dev.marking.core.model.Severity;
import java.util.Comparator;
import java.util.List;

/** All files of a scan, sorted by path. */
public record ScanResult(List<FileResult> files) {

    public ScanResult {
        files = files.stream().sorted(Comparator.comparing(FileResult::path)).toList();
    }

    public long count(Severity severity) {
        return files.stream().mapToLong(f -> f.count(severity)).sum();
    }

    /** True when any finding is at error level (verify exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
