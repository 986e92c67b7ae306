package dev.marking.core.report;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.text.Messages;
import java.util.List;

/**
 * What report writers are made with.
 *
 * @param messages    the language of labels and places
 * @param toolVersion the version reports name
 * @param rules       the rule catalogue (SARIF lists it)
 * @param formats     the formats files were read with (SARIF names their media types)
 * @param listSkipped whether the text report lists every skipped path, not just the counts
 */
public record ReportContext(Messages messages, String toolVersion, List<RuleDescriptor> rules, FormatRegistry formats,
        boolean listSkipped) {

    public ReportContext {
        rules = List.copyOf(rules);
    }

    /** The built-in rules and formats. */
    public static ReportContext of(Messages messages, String toolVersion) {
        return new ReportContext(messages, toolVersion, RuleRegistry.standard().catalogue(), FormatRegistry.standard(),
                false);
    }
}
