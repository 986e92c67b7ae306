package dev.marking.core.scan;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What the scan found in one file.
 *
 * @param path     the path as shown in reports (relative to the working directory when inside it, '/' separated)
 * @param format   adapter id, or {@code unknown}
 * @param marking  the marking the file carries, when one was found
 * @param findings sorted findings
 */
public record FileResult(String path, String format, Optional<Marking> marking, List<Finding> findings) {

    public FileResult {
        findings = findings.stream().sorted().toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
