package dev.marking.core.engine;

import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;

/**
 * One finding as it may be stored in bulk (the Spark tables): everything a report shows except the
 * evidence itself, of which only hashes are kept, so personal data never leaves the check.
 *
 * @param rule                the rule id
 * @param severity            how serious
 * @param message             what is wrong, in the check's language (personal data in it is masked)
 * @param location            where; {@link Location#FILE} for the whole file
 * @param evidenceFingerprint the normalised evidence hashed as baselines key it; null when there is no evidence
 * @param fingerprint         the finding's identity across edits (rule, path, evidence), as SARIF reports it
 */
public record CheckedFinding(String rule, Severity severity, String message, Location location,
        String evidenceFingerprint, String fingerprint) {
}
