package dev.marking.core.report;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The human report: one block per file, one line per finding, a summary at the end. */
public final class TextReportWriter implements ReportWriter {

    private final Messages messages;

    public TextReportWriter(Messages messages) {
        this.messages = messages;
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public String id() {
        return "text";
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        for (FileResult file : result.files()) {
            out.write(file.path() + "  [" + file.marking().map(TextReportWriter::describe).orElse(label("unmarked"))
                    + "]\n");
            for (Finding f : file.findings()) {
                out.write("  " + pad(f.severity().id(), 8) + pad(f.rule(), 22));
                String where = f.location().describe(messages);
                out.write(where.isEmpty() ? "" : where + ": ");
                out.write(f.message());
                if (f.evidence() != null && !f.evidence().isEmpty() && !f.message().contains(f.evidence())) {
                    out.write(" [" + f.evidence() + "]");
                }
                out.write('\n');
            }
        }
        out.write(String.format(Locale.ROOT, "%s: %d, %s: %d, %s: %d, %s: %d%n", label("files"),
                result.files().size(), label("errors"), result.count(Severity.ERROR), label("warnings"),
                result.count(Severity.WARNING), label("infos"), result.count(Severity.INFO)));
        out.flush();
    }

    private String label(String key) {
        return messages.format("report." + key);
    }

    private static String describe(Marking m) {
        return m.mark() + m.copy().map(c -> " 第" + c.formatted() + "份").orElse("");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
