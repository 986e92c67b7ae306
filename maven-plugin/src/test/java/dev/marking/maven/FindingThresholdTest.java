package dev.marking.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private final ScanResult result = new ScanResult(List.of(
            new FileResult("b.md", "text", Optional.empty(), List.of(finding("marking.missing", Severity.ERROR))),
            new FileResult("a.md", "text", Optional.empty(), List.of(finding("marking.noncanonical", Severity.WARNING),
                    finding("marking.noncanonical", Severity.INFO)))));

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

    @Test
    void reportFileNamesFollowTheFormat() {
        assertEquals(List.of("marking.txt", "marking.json", "marking.sarif", "marking.xml", "marking.html"),
                List.of("text", "json", "sarif", "checkstyle", "html").stream().map(ReportFiles::fileName).toList());
    }
}
