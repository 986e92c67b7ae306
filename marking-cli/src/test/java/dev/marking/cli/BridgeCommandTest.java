package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code marking bridge}: its options and refusals (the service itself is tested in word-addin-bridge). */
class BridgeCommandTest {

    @Test
    void helpNamesTheOptions() {
        CliRun r = CliRun.of("bridge", "--help");
        assertEquals(0, r.exit());
        for (String option : new String[] {"--port", "--insecure-http", "--policy", "--office-js"}) {
            assertTrue(r.out().contains(option), r.out());
        }
        assertTrue(CliRun.of("--help").out().contains("bridge"));
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun r = CliRun.of("bridge", "--port", "70000", "--insecure-http");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--port"), r.err());
    }
}
