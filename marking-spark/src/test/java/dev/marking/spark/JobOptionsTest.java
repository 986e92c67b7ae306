package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    @Test
    void takesSeveralInputsAndTheOptionalArguments() throws JobException {
        JobOptions o = JobOptions.parse(new String[] {"--input", "hdfs:///a", "s3a://b/c", "--output", "out",
            "--policy", "marking.yml", "--previous", "old", "--today", "2026-12-01", "--lang", "zh"}, Map.of());
        assertEquals(List.of("hdfs:///a", "s3a://b/c"), o.inputs());
        assertEquals("out", o.output());
        assertEquals("marking.yml", o.policy());
        assertEquals("old", o.previous());
        assertEquals(LocalDate.of(2026, 12, 1), o.today());
        assertEquals("zh", o.lang());
    }

    @Test
    void policyPreviousTodayAndLanguageAreOptional() throws JobException {
        JobOptions o = JobOptions.parse(new String[] {"--output", "out", "--input", "a"}, Map.of());
        assertNull(o.policy());
        assertNull(o.previous());
        assertNull(o.today());
        assertNull(o.lang());
    }

    @Test
    void withoutPolicyTheDriversMarkingPolicyNamesItAsForTheCli() throws JobException {
        String[] args = {"--input", "a", "--output", "out"};
        assertEquals("hdfs:///org/marking.yml",
                JobOptions.parse(args, Map.of("MARKING_POLICY", "hdfs:///org/marking.yml")).policy());
        assertNull(JobOptions.parse(args, Map.of("MARKING_POLICY", "  ")).policy(), "blank: the built-in policy");
        assertNull(JobOptions.parse(args, Map.of("OTHER", "x.yml")).policy());
        String[] explicit = {"--input", "a", "--output", "out", "--policy", "given.yml"};
        assertEquals("given.yml", JobOptions.parse(explicit, Map.of("MARKING_POLICY", "env.yml")).policy(),
                "--policy wins");
    }

    @Test
    void mistakesNameTheirMessage() {
        assertEquals("usage.required", assertThrows(JobException.class,
                () -> JobOptions.parse(new String[] {"--input", "a"}, Map.of())).key());
        assertEquals("usage.value", assertThrows(JobException.class,
                () -> JobOptions.parse(new String[] {"--input", "--output", "o"}, Map.of())).key());
        assertEquals("usage.unknown", assertThrows(JobException.class,
                () -> JobOptions.parse(new String[] {"--input", "a", "--output", "o", "--fast"}, Map.of())).key());
        assertEquals("usage.today", assertThrows(JobException.class,
                () -> JobOptions.parse(new String[] {"--input", "a", "--output", "o", "--today", "1.12.2026"},
                        Map.of())).key());
    }

    @Test
    void aUsageMistakeIsExitCodeTwoWithTheMessageBeforeSparkStarts() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyJob.run(new String[] {"--input", "a", "--output", "o", "--lang", "fr"}, Map.of(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(VerifyJob.USAGE, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(true, text.contains("fr") && text.contains("spark-submit"), text);
    }
}
