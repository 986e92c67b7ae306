package dev.marking.core.scan;

import dev.marking.core.model.Severity;
import dev.marking.core.policy.PolicySource;
import java.util.Comparator;
import java.util.List;

/**
 * All files of a scan, sorted by path; what the walk left out; and the policies in force.
 *
 * @param files    a result per file checked (and per folder or special file that could not be)
 * @param skipped  what was not checked and why, sorted by path
 * @param policies the policies applied, organisation's first
 */
public record ScanResult(List<FileResult> files, List<SkippedFile> skipped, List<PolicySource> policies) {

    public ScanResult {
        files = files.stream().sorted(Comparator.comparing(FileResult::path)).toList();
        skipped = skipped.stream().sorted().toList();
        policies = List.copyOf(policies);
    }

    /** Just the results of files checked. */
    public ScanResult(List<FileResult> files) {
        this(files, List.of(), List.of());
    }

    /** This result with other file results (a baseline's, a renaming's), the same skipped entries and policies. */
    public ScanResult withFiles(List<FileResult> others) {
        return new ScanResult(others, skipped, policies);
    }

    public long count(Severity severity) {
        return files.stream().mapToLong(f -> f.count(severity)).sum();
    }

    /** True when any finding is at error level (verify exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** Skipped entries for {@code reason}. */
    public long skipped(SkippedFile.Reason reason) {
        return skipped.stream().filter(s -> s.reason() == reason).count();
    }
}
