package dev.marking.core.report;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import dev.marking.core.policy.PolicySource;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.SkippedFile;
import dev.marking.core.text.Escapes;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human report: one block per file, one line per finding, the policies applied, and a summary that counts
 * what was checked and what was skipped (listed too when asked). Names and text from files are printed with
 * control characters and bidi overrides escaped ({@link Escapes}), so no file name can forge or hide a line.
 */
public final class TextReportWriter implements ReportWriter {

    private final Messages messages;
    private final boolean listSkipped;

    public TextReportWriter(Messages messages) {
        this(messages, false);
    }

    public TextReportWriter(Messages messages, boolean listSkipped) {
        this.messages = messages;
        this.listSkipped = listSkipped;
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
            String state = file.format().equals("folder") ? label("folder")
                    : file.marking().map(TextReportWriter::describe).map(Escapes::visible).orElse(label("unmarked"));
            out.write(Escapes.visible(file.path()) + "  [" + state + "]\n");
            for (Finding f : file.findings()) {
                out.write("  " + pad(f.severity().id(), 8) + pad(f.rule(), 22));
                String where = f.location().describe(messages);
                out.write(where.isEmpty() ? "" : Escapes.visible(where) + ": ");
                out.write(Escapes.visible(f.message()));
                if (f.evidence() != null && !f.evidence().isEmpty() && !f.message().contains(f.evidence())) {
                    out.write(" [" + Escapes.visible(f.evidence()) + "]");
                }
                out.write('\n');
            }
        }
        if (listSkipped && !result.skipped().isEmpty()) {
            out.write(label("skipped-list") + "\n");
            for (SkippedFile s : result.skipped()) {
                out.write("  " + Escapes.visible(s.path()) + "  " + Escapes.visible(messages.format(s.detail().key(),
                        s.detail().args().toArray()))
                        + "\n");
            }
        }
        if (!result.policies().isEmpty()) {
            out.write(label("policy") + ": " + String.join("; ", result.policies().stream().map(this::policy).toList())
                    + "\n");
        }
        out.write(String.format(Locale.ROOT, "%s: %d, %s: %d, %s: %d, %s: %d, %s%n", label("files"),
                result.files().size(), label("errors"), result.count(Severity.ERROR), label("warnings"),
                result.count(Severity.WARNING), label("infos"), result.count(Severity.INFO), skipped(result)));
        out.flush();
    }

    /** {@code skipped: 5 (3 not documents, 2 excluded)}, or {@code skipped: 0}. */
    private String skipped(ScanResult result) {
        List<String> parts = new ArrayList<>();
        for (SkippedFile.Reason r : SkippedFile.Reason.values()) {
            long n = result.skipped(r);
            if (n > 0) {
                parts.add(messages.format("report.skipped." + r.id(), n));
            }
        }
        return label("skipped") + ": " + result.skipped().size() + (parts.isEmpty() ? ""
                : " (" + String.join(", ", parts) + ")");
    }

    private String policy(PolicySource p) {
        String role = messages.format("report.role." + p.role().id());
        if (p.role() == PolicySource.Role.BUILT_IN) {
            return role;
        }
        String ignored = p.ignored().isEmpty() ? "" : "; " + messages.format("report.ignored", String.join(", ", p.ignored()));
        return Escapes.visible(Scanner.display(Path.of(p.file()))) + " (" + role + ignored + ")";
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
