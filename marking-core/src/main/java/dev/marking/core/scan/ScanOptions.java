package dev.marking.core.scan;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.policy.Policy;
import dev.marking.core.text.Messages;
import java.time.Duration;
import java.time.LocalDate;

/**
 * How to scan.
 *
 * @param today    the date terms and suppressions are checked against
 * @param messages the language of messages
 * @param parser   the mark parser (schemes in force)
 * @param threads  files checked at once
 * @param policy   severities, suppressions, include/exclude and marking mode
 * @param fileTimeLimit the time one file may take to be read and checked before it is reported unreadable
 */
public record ScanOptions(LocalDate today, Messages messages, MarkingParser parser, int threads, Policy policy,
        Duration fileTimeLimit) {

    /** Options under the built-in policy. */
    public ScanOptions(LocalDate today, Messages messages, MarkingParser parser, int threads) {
        this(today, messages, parser, threads, Policy.defaults());
    }

    /**
     * Options with the time limit for one file this process's environment sets ({@code MARKING_FILE_TIME_LIMIT}), else
     * the policy's ({@code file-time-limit}).
     */
    public ScanOptions(LocalDate today, Messages messages, MarkingParser parser, int threads, Policy policy) {
        this(today, messages, parser, threads, policy, FileTimeLimit.fromEnvironment(System.getenv(),
                policy.fileTimeLimit()));
    }

    /** Options for {@code policy}: its parser, all cores. */
    public static ScanOptions of(Policy policy, LocalDate today, Messages messages) {
        return new ScanOptions(today, messages, policy.parser(), Runtime.getRuntime().availableProcessors(), policy);
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(today, messages, parser, n, policy, fileTimeLimit);
    }

    /** The same options with another time limit for one file. */
    public ScanOptions withFileTimeLimit(Duration limit) {
        return new ScanOptions(today, messages, parser, threads, policy, limit);
    }
}
