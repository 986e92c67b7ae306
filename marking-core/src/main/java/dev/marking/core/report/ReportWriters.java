package dev.marking.core.report;

import dev.marking.core.text.Messages;
import java.util.List;
import java.util.Optional;

/** The report formats marking writes: the only list of them. */
public final class ReportWriters {

    private ReportWriters() {
    }

    /** Every writer, made for {@code c}: one line each. */
    public static List<ReportWriter> standard(ReportContext c) {
        return List.of(
                new TextReportWriter(c.messages(), c.listSkipped()),
                new JsonReportWriter(c.toolVersion(), c.messages()),
                new SarifReportWriter(c.toolVersion(), c.rules(), c.formats()),
                new CheckstyleReportWriter(c.toolVersion(), c.messages()));
    }

    public static Optional<ReportWriter> byId(String id, ReportContext c) {
        return standard(c).stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** Ids for help texts and messages. */
    public static List<String> ids() {
        return standard(ReportContext.of(Messages.forLang("en"), "")).stream().map(ReportWriter::id).toList();
    }
}
