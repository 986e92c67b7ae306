package dev.marking.core.testing;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** {@code marking verify} on one file, as a test calls it: the standard formats and rules, the default policy. */
public final class Verify {

    /** The day tests verify on. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private Verify() {
    }

    public static FileResult check(Path file) {
        return Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(Policy.defaults(), TODAY,
                Messages.forLang("en"))).check(file);
    }

    /** The findings of {@code rule}. */
    public static List<Finding> findings(FileResult result, String rule) {
        return result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The rule ids of all findings, for assertion messages. */
    public static List<String> rules(FileResult result) {
        return result.findings().stream().map(f -> f.rule() + "@" + f.location().describe()).toList();
    }
}
