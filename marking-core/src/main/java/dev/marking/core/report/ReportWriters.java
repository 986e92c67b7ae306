package dev.marking.core.report;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.Rules;
import dev.marking.core.text.Messages;
import java.util.List;
import java.util.Optional;

/** The report formats marking writes, by id. */
public final class ReportWriters {

    private ReportWriters() {
    }

    /** Every writer; {@code messages} labels the text report, SARIF lists the built-in rules. */
    public static List<ReportWriter> all(Messages messages, String toolVersion) {
        return all(messages, toolVersion, Rules.descriptors(MarkingParser.standard()));
    }

    /** Every writer; {@code rules} is the rule catalogue SARIF reports carry. */
    public static List<ReportWriter> all(Messages messages, String toolVersion, List<RuleDescriptor> rules) {
        return List.of(new TextReportWriter(messages), new JsonReportWriter(toolVersion),
                new SarifReportWriter(toolVersion, rules), new CheckstyleReportWriter(toolVersion, messages));
    }

    public static Optional<ReportWriter> byId(String id, Messages messages, String toolVersion) {
        return all(messages, toolVersion).stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** Ids for help texts. */
    public static List<String> ids() {
        return all(Messages.forLang("en"), "").stream().map(ReportWriter::id).toList();
    }
}
