package dev.marking.core.report;

import dev.marking.core.text.Messages;
import java.util.List;
import java.util.Optional;

/** The report formats marking writes, by id. */
public final class ReportWriters {

    private ReportWriters() {
    }

    /** Every writer; {@code messages} labels the text report. */
    public static List<ReportWriter> all(Messages messages, String toolVersion) {
        return List.of(new TextReportWriter(messages), new JsonReportWriter(toolVersion));
    }

    public static Optional<ReportWriter> byId(String id, Messages messages, String toolVersion) {
        return all(messages, toolVersion).stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** Ids for help texts. */
    public static List<String> ids() {
        return all(Messages.forLang("en"), "").stream().map(ReportWriter::id).toList();
    }
}
