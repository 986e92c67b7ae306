package dev.marking.core.scan;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.text.Messages;
import java.time.LocalDate;

/**
 * How to scan.
 *
 * @param today    the date terms are checked against
 * @param messages the language of messages
 * @param parser   the mark parser (schemes in force)
 * @param threads  files checked at once
 */
public record ScanOptions(LocalDate today, Messages messages, MarkingParser parser, int threads) {

    public static ScanOptions defaults() {
        return new ScanOptions(LocalDate.now(), Messages.forLang(null), MarkingParser.standard(),
                Runtime.getRuntime().availableProcessors());
    }
}
