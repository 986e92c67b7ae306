package dev.marking.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.ReportedFinding;
import dev.marking.core.engine.VerifyResult;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingThresholdTest {

    private static Finding finding(String rule, Severity s) {
        return new Finding(rule, s, "m", Location.FILE, null);
    }

    private final VerifyResult result = result(new ScanResult(List.of(
            new FileResult("b.md", "text", Optional.empty(), List.of(finding("marking.missing", Severity.ERROR))),
            new FileResult("a.md", "text", Optional.empty(), List.of(finding("marking.noncanonical", Severity.WARNING),
                    finding("marking.noncanonical", Severity.INFO))))));

    /** What the engine answers for {@code scan}: every finding reported, one line each, in report order. */
    private static VerifyResult result(ScanResult scan) {
        List<ReportedFinding> lines = scan.files().stream().flatMap(f -> f.findings().stream().map(x ->
                new ReportedFinding(f.path(), x.rule(), x.severity(), x.message(), ""))).toList();
        return new VerifyResult(scan, lines, lines.size(), 0, scan.files().size(), List.of(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void countsFindingsAtTheSeverityOrAbove() {
        assertEquals(1, FindingThreshold.parse("error", 0).counted(result));
        assertEquals(2, FindingThreshold.parse("Warning", 0).counted(result));
        assertEquals(3, FindingThreshold.parse(" info ", 0).counted(result));
        assertEquals(0, FindingThreshold.parse("none", 0).counted(result));
    }

    @Test
    void failsOnlyAboveTheAllowedNumber() {
        assertTrue(FindingThreshold.parse("error", 0).exceeded(result));
        assertFalse(FindingThreshold.parse("error", 1).exceeded(result));
        assertTrue(FindingThreshold.parse("warning", 1).exceeded(result));
        assertFalse(FindingThreshold.parse("none", 0).exceeded(result));
        assertEquals(Optional.of("a.md: marking.noncanonical"), FindingThreshold.parse("warning", 0).first(result));
        assertEquals(Optional.of("b.md: marking.missing"), FindingThreshold.parse("error", 0).first(result));
    }

    @Test
    void rejectsUnknownSeveritiesAndNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> FindingThreshold.parse("fatal", 0));
        assertThrows(IllegalArgumentException.class, () -> FindingThreshold.parse("error", -1));
    }
}
