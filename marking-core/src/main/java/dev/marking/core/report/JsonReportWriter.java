package dev.marking.core.report;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import dev.marking.core.policy.PolicySource;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.SkippedFile;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON report of DESIGN §3.3, plus what was skipped ({@code skipped}, counted in {@code summary.skipped}) and the
 * policies applied ({@code policies}); key order is fixed so output is stable across runs.
 */
public final class JsonReportWriter implements ReportWriter {

    private final String version;
    private final Messages messages;

    /** A writer whose skipped entries are explained in the default locale's language. */
    public JsonReportWriter(String version) {
        this(version, Messages.forLang(null));
    }

    public JsonReportWriter(String version, Messages messages) {
        this.version = version;
        this.messages = messages;
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String id() {
        return "json";
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("version", version);
        root.put("files", result.files().stream().map(JsonReportWriter::file).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", result.files().size());
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        summary.put("skipped", result.skipped().size());
        root.put("summary", summary);
        root.put("skipped", result.skipped().stream().map(this::skipped).toList());
        root.put("policies", result.policies().stream().map(JsonReportWriter::policy).toList());
        ReportJson.MAPPER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    private static Map<String, Object> file(FileResult f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("format", f.format());
        m.put("marking", f.marking().map(JsonReportWriter::marking).orElse(null));
        m.put("findings", f.findings().stream().map(JsonReportWriter::finding).toList());
        return m;
    }

    /** What was not checked: path, reason ({@code not-document}, {@code excluded}, …) and what it is, in words. */
    private Map<String, Object> skipped(SkippedFile s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", s.path());
        m.put("reason", s.reason().id());
        m.put("message", messages.format(s.detail().key(), s.detail().args().toArray()));
        return m;
    }

    /** A policy file a report names: file (a local one as shown, a URI as it is), role and what was ignored. */
    public static Map<String, Object> policy(PolicySource p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.role() == PolicySource.Role.BUILT_IN || p.file().contains("://") ? p.file()
                : Scanner.display(Path.of(p.file())));
        m.put("role", p.role().id());
        m.put("ignored", p.ignored());
        return m;
    }

    /** The marking object of §3.3. */
    public static Map<String, Object> marking(Marking mk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", mk.level().name());
        m.put("scheme", mk.level().scheme());
        String term = mk.term().canonical();
        m.put("term", term.isEmpty() ? null : term);
        m.put("copy", mk.copy().map(c -> c.formatted()).orElse(null));
        m.put("issued", mk.issued().map(Object::toString).orElse(null));
        // present only when the document states them, so the §3.3 shape of other files is unchanged
        mk.handling().scope().ifPresent(s -> m.put("scope", s));
        mk.handling().reproduction().ifPresent(r -> m.put("reproduction", r));
        return m;
    }

    /** One finding as in §3.3. */
    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().id());
        m.put("message", f.message());
        m.put("location", location(f.location()));
        m.put("evidence", f.evidence());
        return m;
    }

    private static Map<String, Object> location(Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (l.part() != null) {
            m.put("part", l.part());
        }
        putPositive(m, "section", l.section());
        putPositive(m, "page", l.page());
        if (l.sheet() != null) {
            m.put("sheet", l.sheet());
        }
        if (l.cell() != null) {
            m.put("cell", l.cell());
        }
        putPositive(m, "slide", l.slide());
        putPositive(m, "paragraph", l.paragraph());
        putPositive(m, "line", l.line());
        putPositive(m, "column", l.column());
        if (l.ocr() != null) {
            // Added field: the text here was read from a scan by OCR (confidence 0–100 when words were read).
            m.put("ocr", l.ocr().hasConfidence() ? Map.of("confidence", l.ocr().confidence()) : Map.of());
        }
        return m;
    }

    private static void putPositive(Map<String, Object> m, String key, int value) {
        if (value > 0) {
            m.put(key, value);
        }
    }
}
