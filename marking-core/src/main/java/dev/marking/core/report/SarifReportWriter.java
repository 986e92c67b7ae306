package dev.marking.core.report;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.report.SarifLog.Artifact;
import dev.marking.core.report.SarifLog.ArtifactLocation;
import dev.marking.core.report.SarifLog.Configuration;
import dev.marking.core.report.SarifLog.Driver;
import dev.marking.core.report.SarifLog.LogicalLocation;
import dev.marking.core.report.SarifLog.PhysicalLocation;
import dev.marking.core.report.SarifLog.Region;
import dev.marking.core.report.SarifLog.ReportingDescriptor;
import dev.marking.core.report.SarifLog.Result;
import dev.marking.core.report.SarifLog.Run;
import dev.marking.core.report.SarifLog.SarifLocation;
import dev.marking.core.report.SarifLog.Text;
import dev.marking.core.report.SarifLog.Tool;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * SARIF 2.1.0 for code-scanning dashboards: one run, the rule catalogue from the descriptors, one
 * result per finding with a fingerprint that survives edits elsewhere in the file.
 */
public final class SarifReportWriter implements ReportWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://marking.dev/";
    static final String FINGERPRINT = "markingEvidence/v1";

    private final String version;
    private final List<RuleDescriptor> rules;
    private final FormatRegistry formats;

    /** {@code rules}: every rule a finding may name ({@code RuleRegistry.catalogue()}); files read by the built-in formats. */
    public SarifReportWriter(String version, List<RuleDescriptor> rules) {
        this(version, rules, FormatRegistry.standard());
    }

    /** {@code formats}: what files were read with, for their media types. */
    public SarifReportWriter(String version, List<RuleDescriptor> rules, FormatRegistry formats) {
        this.version = version;
        this.rules = List.copyOf(rules);
        this.formats = formats;
    }

    @Override
    public String fileExtension() {
        return "sarif";
    }

    @Override
    public String mediaType() {
        return "application/sarif+json";
    }

    @Override
    public String id() {
        return "sarif";
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        write(result, (path, f) -> Fingerprints.of(f.rule(), path, f.evidence()), out);
    }

    /**
     * The log of {@code result} with each finding's fingerprint from {@code fingerprints} (report path, finding):
     * for findings kept without their evidence, whose fingerprints were taken when they were found.
     */
    public void write(ScanResult result, BiFunction<String, Finding, String> fingerprints, Writer out)
            throws IOException {
        List<RuleDescriptor> catalogue = new ArrayList<>(rules);
        List<Artifact> artifacts = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (FileResult file : result.files()) {
            ArtifactLocation artifact = new ArtifactLocation(uri(file.path()), artifacts.size());
            artifacts.add(new Artifact(new ArtifactLocation(artifact.uri(), null), mediaType(file)));
            for (Finding f : file.findings()) {
                results.add(result(f, fingerprints.apply(file.path(), f), artifact, ruleIndex(catalogue, f)));
            }
        }
        Driver driver = new Driver("marking", version, INFORMATION_URI,
                catalogue.stream().map(SarifReportWriter::descriptor).toList());
        Run run = new Run(new Tool(driver), artifacts, results, "utf16CodeUnits");
        ReportJson.MAPPER.writeValue(out, new SarifLog(SCHEMA, "2.1.0", List.of(run)));
        out.write('\n');
        out.flush();
    }

    /** The media type of the file's format, none for a file no format read. */
    private String mediaType(FileResult file) {
        return formats.byId(file.format()).map(f -> f.mediaType(Path.of(file.path()).getFileName())).orElse(null);
    }

    private static Result result(Finding f, String fingerprint, ArtifactLocation artifact, int ruleIndex) {
        Location l = f.location();
        Region region = l.line() > 0 ? new Region(l.line(), l.column() > 0 ? l.column() : null) : null;
        String where = l.describe();
        List<LogicalLocation> logical = region == null && !where.isEmpty()
                ? List.of(new LogicalLocation(null, where, null)) : List.of();
        SarifLocation location = new SarifLocation(new PhysicalLocation(artifact, region), logical);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (l.part() != null) {
            properties.put("part", l.part());
        }
        putPositive(properties, "section", l.section());
        putPositive(properties, "page", l.page());
        putPositive(properties, "paragraph", l.paragraph());
        if (region == null) {
            putPositive(properties, "column", l.column());
        }
        return new Result(f.rule(), ruleIndex, level(f.severity()), new Text(f.message()), List.of(location),
                Map.of(FINGERPRINT, fingerprint), properties);
    }

    /** The index of the finding's rule, adding a bare entry for a rule the catalogue does not know. */
    private static int ruleIndex(List<RuleDescriptor> catalogue, Finding f) {
        for (int i = 0; i < catalogue.size(); i++) {
            if (catalogue.get(i).id().equals(f.rule())) {
                return i;
            }
        }
        catalogue.add(new RuleDescriptor(f.rule(), f.severity(), f.rule()));
        return catalogue.size() - 1;
    }

    private static ReportingDescriptor descriptor(RuleDescriptor d) {
        return new ReportingDescriptor(d.id(), new Text(d.summary()), new Configuration(level(d.defaultSeverity())));
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static void putPositive(Map<String, Object> m, String key, int value) {
        if (value > 0) {
            m.put(key, value);
        }
    }

    /**
     * A URI reference for a report path: relative paths stay relative (forward slashes, each byte
     * outside the unreserved set percent-encoded); absolute paths become {@code file:} URIs.
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        String prefix = "";
        if (p.startsWith("/")) {
            prefix = "file://";
        } else if (p.matches("[A-Za-z]:/.*")) {
            prefix = "file:///";
        }
        StringBuilder sb = new StringBuilder(prefix);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean keep = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || "-._~/".indexOf(c) >= 0 || c == ':' && !prefix.isEmpty();
            if (keep) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
