package dev.marking.core.scan;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.policy.Policy;
import dev.marking.core.text.Messages;
import java.time.LocalDate;

/**
 * How to scan.
 *
 * @param today    the date terms and suppressions are checked against
 * @param messages the language of messages
 * @param parser   the mark parser (schemes in force)
 * @param threads  files checked at once
 * @param policy   severities, suppressions, include/exclude and marking mode
 */
public record ScanOptions(LocalDate today, Messages messages, MarkingParser parser, int threads, Policy policy) {

    /** Options under the built-in policy. */
    public ScanOptions(LocalDate today, Messages messages, MarkingParser parser, int threads) {
        this(today, messages, parser, threads, Policy.defaults());
    }

    /** Options for {@code policy}: its parser, all cores. */
    public static ScanOptions of(Policy policy, LocalDate today, Messages messages) {
        return new ScanOptions(today, messages, policy.parser(), Runtime.getRuntime().availableProcessors(), policy);
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(today, messages, parser, n, policy);
    }
}
