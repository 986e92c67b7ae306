package dev.marking.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.cli.Main;
import dev.marking.core.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a run reported, in one shape for the CLI's JSON report and the job's tables, so tests compare them: files
 * (path → format and marking), findings (path, rule, severity, location, message), what was skipped (reason and
 * path) and the policy files applied. Paths are compared by their real paths.
 *
 * @param files    path → format and marking
 * @param findings one line a finding
 * @param skipped  one line a skipped file or folder
 * @param policies one line a policy file: file, role, ignored keys
 * @param summary  files, errors, warnings, infos and skipped, by name
 */
record Comparison(TreeMap<String, String> files, TreeSet<String> findings, TreeSet<String> skipped,
        List<String> policies, Map<String, Long> summary) {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> COUNTS = List.of("files", "errors", "warnings", "infos", "skipped");

    /** The Spark session the tests run the job in: local, one core, no UI, two shuffle partitions. */
    static SparkSession.Builder localSpark(String app) {
        return SparkSession.builder().master("local[1]").appName(app).config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2");
    }

    /** {@code marking verify --format json} run with {@code args} (options, then paths), as it reported. */
    static Comparison cli(Path report, List<String> args) throws IOException {
        int code = Main.run(verify(report, args).toArray(String[]::new));
        if (code != 0 && code != 1) {
            throw new AssertionError("marking verify exited " + code);
        }
        return reported(report);
    }

    /**
     * {@code marking verify --format json} run with {@code args} in a JVM of its own whose environment has
     * {@code env} added (a JVM cannot change its own environment), as it reported.
     */
    static Comparison cli(Path report, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = ChildJvm.check(List.of("-Xmx512m", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true"),
                Main.class.getName(), verify(report, args));
        Path log = report.resolveSibling(report.getFileName() + ".log");
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        child.environment().putAll(env);
        int code = child.start().waitFor();
        if (code != 0 && code != 1) {
            throw new AssertionError("marking verify exited " + code + ":\n" + Files.readString(log));
        }
        return reported(report);
    }

    private static List<String> verify(Path report, List<String> args) {
        List<String> all = new ArrayList<>(List.of("verify", "--format", "json", "--output", report.toString()));
        all.addAll(args);
        return all;
    }

    private static Comparison reported(Path report) throws IOException {
        JsonNode cli = JSON.readTree(report.toFile());
        TreeMap<String, String> files = new TreeMap<>();
        TreeSet<String> findings = new TreeSet<>();
        for (JsonNode file : cli.get("files")) {
            String path = real(file.get("path").asText());
            files.put(path, file.get("format").asText() + " " + file.get("marking"));
            for (JsonNode f : file.get("findings")) {
                findings.add(String.join(" | ", path, f.get("rule").asText(), f.get("severity").asText(),
                        location(f.get("location")), f.get("message").asText()));
            }
        }
        TreeSet<String> skipped = new TreeSet<>();
        for (JsonNode s : cli.get("skipped")) {
            skipped.add(s.get("reason").asText() + " " + real(s.get("path").asText()));
        }
        Map<String, Long> summary = new LinkedHashMap<>();
        for (String key : COUNTS) {
            summary.put(key, cli.get("summary").path(key).asLong(0));
        }
        return new Comparison(files, findings, skipped, policies(cli.get("policies")), summary);
    }

    /** The job's run in {@code run}: its tables and {@code summary.json}. */
    static Comparison job(SparkSession spark, Path run) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        for (Row r : spark.read().parquet(run.resolve("files").toString()).collectAsList()) {
            files.put(real(r.getAs("path")), r.getAs("format") + " " + marking(r.<Row>getAs("marking")));
        }
        TreeSet<String> findings = new TreeSet<>();
        for (Row r : spark.read().parquet(run.resolve("findings").toString()).collectAsList()) {
            findings.add(String.join(" | ", real(r.getAs("path")), r.getAs("rule"), r.getAs("severity"),
                    location(r.<Row>getAs("location")), r.getAs("message")));
        }
        TreeSet<String> skipped = new TreeSet<>();
        for (Row r : spark.read().parquet(run.resolve("skipped").toString()).collectAsList()) {
            skipped.add(r.getAs("reason") + " " + real(r.getAs("path")));
        }
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String key : COUNTS) {
            counts.put(key, summary.get(key).asLong());
        }
        return new Comparison(files, findings, skipped, policies(summary.get("policies")), counts);
    }

    private static List<String> policies(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : list) {
            String file = p.get("role").asText().equals("built-in") ? p.get("file").asText() : real(p.get("file").asText());
            out.add(file + " " + p.get("role").asText() + " " + p.get("ignored"));
        }
        return out;
    }

    static String location(JsonNode l) {
        TreeMap<String, String> parts = new TreeMap<>();
        if (l != null && !l.isNull()) {
            l.fields().forEachRemaining(e -> {
                if (e.getKey().equals("ocr")) {
                    // The report writes {"confidence": N}, or {} without recognised words; the table a number or -1.
                    parts.put("ocr_confidence", e.getValue().path("confidence").asText("-1"));
                } else {
                    parts.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return parts.toString();
    }

    static String location(Row l) {
        TreeMap<String, String> parts = new TreeMap<>();
        if (l != null) {
            for (String field : l.schema().fieldNames()) {
                Object v = l.getAs(field);
                if (v != null) {
                    parts.put(field, v.toString());
                }
            }
        }
        return parts.toString();
    }

    static String marking(Row m) {
        if (m == null) {
            return "null";
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : m.schema().fieldNames()) {
            fields.put(field, m.getAs(field));
        }
        return JSON.valueToTree(fields).toString();
    }

    /** A path by its real path (a folder keeps its trailing '/'), so the CLI's and the job's names compare. */
    static String real(String path) {
        String slash = path.endsWith("/") ? "/" : "";
        try {
            return Path.of(path).toRealPath() + slash;
        } catch (IOException e) {
            return Path.of(path).toAbsolutePath().normalize() + slash;
        }
    }

    /** The project's root folder (where {@code .mvn} is). */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".mvn"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }
}
