package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.cli.Main;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job as users run it: {@code target/marking-spark.jar} submitted through {@code spark-submit-local}
 * ({@code SparkSubmit}, {@code --master local[2]}) over the shared corpus, the bundled example documents and a
 * corrupted file made here, compared with {@code marking verify --format json} on the same files; then run again
 * with {@code --previous} over the unchanged input.
 */
@NeedsCorpus
class VerifyJobIT {

    private static final String TODAY = "2026-12-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A class under a relocated package (resource folders, which shading renames too, are lower case). */
    private static final Pattern RELOCATED = Pattern.compile("dev/marking/spark/shaded/(?:[a-z0-9_]+/)+[A-Z][\\w$]*");

    @TempDir
    static Path tmp;

    private static Path jar;
    private static List<Path> inputs;
    private static Path first;
    private static Path second;
    private static SparkSession spark;

    @BeforeAll
    static void submit() throws Exception {
        String built = System.getProperty("marking.spark.jar");
        Assumptions.assumeTrue(built != null,
                "runs in the integration-test phase, once target/marking-spark.jar is packaged (mvn verify)");
        jar = Path.of(built);
        assertTrue(Files.isRegularFile(jar), "no " + jar);
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.write(bad.resolve("corrupted.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
        Files.write(bad.resolve("truncated.docx"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        inputs = List.of(Corpus.root().toRealPath(), root().resolve("examples/documents").toRealPath(), bad.toRealPath());
        first = tmp.resolve("run1");
        second = tmp.resolve("run2");
        List<String> args = new ArrayList<>(List.of("--input"));
        inputs.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--output", first.toString(), "--today", TODAY, "--lang", "en"));
        submit(args);
        List<String> again = new ArrayList<>(args);
        again.set(again.indexOf(first.toString()), second.toString());
        again.addAll(List.of("--previous", first.toString()));
        submit(again);
        spark = SparkSession.builder().master("local[1]").appName("VerifyJobIT")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void findingsEqualTheCliJsonReport() throws IOException {
        Path report = tmp.resolve("cli.json");
        List<String> args = new ArrayList<>(List.of("verify", "--format", "json", "--output", report.toString(),
                "--today", TODAY, "--lang", "en"));
        inputs.forEach(p -> args.add(p.toString()));
        assertEquals(1, Main.run(args.toArray(String[]::new)), "the corpus has findings at error level");
        JsonNode cli = JSON.readTree(report.toFile());

        TreeSet<String> cliFindings = new TreeSet<>();
        TreeMap<String, String> cliFiles = new TreeMap<>();
        for (JsonNode file : cli.get("files")) {
            String path = real(file.get("path").asText());
            cliFiles.put(path, file.get("format").asText() + " " + file.get("marking"));
            for (JsonNode f : file.get("findings")) {
                cliFindings.add(String.join(" | ", path, f.get("rule").asText(), f.get("severity").asText(),
                        location(f.get("location")), f.get("message").asText()));
            }
        }
        TreeSet<String> jobFindings = new TreeSet<>();
        for (Row r : table(first, "findings").collectAsList()) {
            jobFindings.add(String.join(" | ", real(r.getAs("path")), r.getAs("rule"), r.getAs("severity"),
                    location(r.<Row>getAs("location")), r.getAs("message")));
        }
        TreeMap<String, String> jobFiles = new TreeMap<>();
        for (Row r : table(first, "files").collectAsList()) {
            jobFiles.put(real(r.getAs("path")), r.getAs("format") + " " + marking(r.<Row>getAs("marking")));
        }
        assertTrue(cliFiles.size() > 100, "the corpus is there: " + cliFiles.size() + " files");
        assertEquals(cliFiles, jobFiles, "same files, formats and markings");
        assertEquals(String.join("\n", cliFindings), String.join("\n", jobFindings));

        JsonNode summary = JSON.readTree(first.resolve("summary.json").toFile());
        JsonNode cliSummary = cli.get("summary");
        for (String key : List.of("files", "errors", "warnings")) {
            assertEquals(cliSummary.get(key).asLong(), summary.get(key).asLong(), key);
        }
        assertEquals(cliSummary.path("infos").asLong(0), summary.get("infos").asLong(), "infos");
        assertTrue(Files.isRegularFile(first.resolve("marking.sarif")), "a small run gets a SARIF log");
    }

    @Test
    void corruptedAndEncryptedFilesAreFindingsAndTheJobSucceeds() {
        Map<String, String> rules = table(first, "findings").collectAsList().stream()
                .collect(Collectors.groupingBy(r -> Path.of(r.<String>getAs("path")).getFileName().toString(),
                        Collectors.mapping(r -> r.<String>getAs("rule"), Collectors.joining(","))));
        assertEquals("file.unreadable", rules.get("corrupted.pdf"));
        assertEquals("file.unreadable", rules.get("truncated.docx"));
        assertEquals("file.encrypted", rules.get("pdfbox_PasswordSample-256bit.pdf"));
    }

    @Test
    void aSecondRunOverUnchangedInputReadsNoDocumentAndWritesTheSameTables() throws IOException {
        JsonNode before = JSON.readTree(first.resolve("summary.json").toFile());
        JsonNode after = JSON.readTree(second.resolve("summary.json").toFile());
        assertEquals(before.get("files").asLong(), before.get("read").asLong(), "the first run reads every document");
        assertEquals(0, after.get("read").asLong(), "the second run reads none");
        assertEquals(before.get("files").asLong(), after.get("reused").asLong());
        for (String key : List.of("files", "errors", "warnings", "infos", "findings")) {
            assertEquals(before.get(key), after.get(key), key);
        }
        for (String name : List.of("files", "findings")) {
            assertEquals(rows(table(first, name)), rows(table(second, name)), name + "/ differs");
        }
    }

    @Test
    void theJarBringsTheEngineButNotSpark() throws IOException {
        List<String> entries;
        List<String> dangling = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).toList();
            java.util.Set<String> present = new java.util.HashSet<>(entries);
            for (ZipEntry e : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                String text = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
                Matcher m = RELOCATED.matcher(text);
                while (m.find()) {
                    if (!present.contains(m.group() + ".class")) {
                        dangling.add(e.getName() + " -> " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), dangling, "classes the jar refers to under a relocated name are in it");
        assertTrue(entries.contains("dev/marking/spark/VerifyJob.class"));
        assertTrue(entries.contains("dev/marking/core/engine/Engine.class"));
        for (String provided : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "org/apache/parquet/",
                "org/apache/commons/", "com/fasterxml/jackson/")) {
            assertFalse(entries.stream().anyMatch(e -> e.startsWith(provided)),
                    provided + " is Spark's (provided) or must be relocated");
        }
    }

    private static void submit(List<String> jobArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root().resolve("marking-spark/spark-submit-local").toString(),
                "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--class", "dev.marking.spark.VerifyJob", jar.toString()));
        command.addAll(jobArgs);
        Path log = Files.createTempFile(tmp, "spark-submit-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_SUBMIT_JAVA_OPTS", "-Xmx1500m");
        Process p = pb.start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "spark-submit did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "spark-submit failed:\n" + tail(output));
        assertTrue(output.contains("marking: "), () -> "no summary line:\n" + tail(output));
    }

    private static Dataset<Row> table(Path run, String name) {
        return spark.read().parquet(run.resolve(name).toString());
    }

    /** The rows of a table as sorted text: a kept result must be stored exactly as it was found. */
    private static List<String> rows(Dataset<Row> table) {
        return table.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static String location(JsonNode l) {
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

    private static String location(Row l) {
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

    private static String marking(Row m) {
        if (m == null) {
            return "null";
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (String field : m.schema().fieldNames()) {
            fields.put(field, m.getAs(field));
        }
        return JSON.valueToTree(fields).toString();
    }

    private static String real(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException e) {
            return Path.of(path).toAbsolutePath().normalize().toString();
        }
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".mvn"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }

    private static String tail(String text) {
        try (Stream<String> lines = text.lines()) {
            List<String> all = lines.filter(l -> !l.contains(" INFO ")).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
        }
    }
}
