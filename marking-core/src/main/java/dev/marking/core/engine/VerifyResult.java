package dev.marking.core.engine;

import dev.marking.core.model.Severity;
import dev.marking.core.policy.PolicySource;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Escapes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a verify found.
 *
 * @param result         the findings reported (after the baseline)
 * @param findings       the same, one per line, in report order
 * @param total          findings before the baseline
 * @param fromCache      files answered from the cache
 * @param read           files read and checked
 * @param reports        report files written
 * @param baselineSize   findings written to the new baseline, when one was asked for
 * @param cacheProblem   why the cache could not be written, if it could not (the next run just reads again)
 */
public record VerifyResult(ScanResult result, List<ReportedFinding> findings, long total, int fromCache, int read,
        List<Path> reports, Optional<Integer> baselineSize, Optional<String> cacheProblem) {

    public VerifyResult {
        findings = List.copyOf(findings);
        reports = List.copyOf(reports);
    }

    public int files() {
        return result.files().size();
    }

    /** What was not checked: not documents, excluded files, folders not walked. */
    public int skipped() {
        return result.skipped().size();
    }

    /** The policies applied, one entry each: {@code marking.yml (local; ignored: exclude)}. */
    public List<String> policies() {
        return result.policies().stream().map(p -> Escapes.visible(p.role() == PolicySource.Role.BUILT_IN ? p.file()
                : Scanner.display(Path.of(p.file()))) + " (" + p.role().id()
                + (p.ignored().isEmpty() ? "" : "; ignored: " + String.join(", ", p.ignored())) + ")").toList();
    }

    public long count(Severity severity) {
        return result.count(severity);
    }

    /** True when a reported finding is at error level (verify exits 1). */
    public boolean hasErrors() {
        return result.hasErrors();
    }

    /** Findings the baseline accepted. */
    public long accepted() {
        return total - findings.size();
    }

    /** Reported findings at {@code severity} or above. */
    public List<ReportedFinding> atLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().atLeast(severity)).toList();
    }
}
