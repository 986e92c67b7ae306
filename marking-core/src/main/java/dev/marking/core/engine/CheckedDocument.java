package dev.marking.core.engine;

import dev.marking.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What checking one document found, ready to store: see {@link DocumentCheck}.
 *
 * @param path          the document as reports show it
 * @param format        the format id that read it, or {@code unknown}
 * @param marking       the marking it carries, if one was found
 * @param findings      its findings in report order
 * @param dependsOnDate true when the same content may give other findings on another day (a classified
 *                      marking's term may run out; a suppression may end), so a result kept from an earlier
 *                      day must be checked again
 */
public record CheckedDocument(String path, String format, Optional<DeclaredMarking> marking,
        List<CheckedFinding> findings, boolean dependsOnDate) {

    public CheckedDocument {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
