package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * ({@code SparkSubmit}, {@code --master local[2]}) over a folder with its own {@code marking.yml} (first, so its
 * policy applies to the whole run, as the CLI applies it), the shared corpus, the bundled example documents and
 * corrupted files made here, compared with {@code marking verify --format json} on the same files; then run again
 * with {@code --previous} over the unchanged input.
 */
@NeedsCorpus
class VerifyJobIT {

    private static final String TODAY = "2026-12-01";
    /** A local policy that tightens the built-in one (raises a rule, adds a sensitive word) and asks what it may not. */
    private static final String LOCAL_POLICY = """
            version: 1
            rules:
              marking.noncanonical: error
            sensitive:
              words: {秘密: [办公时间]}
            exclude:
              - "**/*.pdf"
            """;
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
        Path local = Files.createDirectories(tmp.resolve("local"));
        Files.writeString(local.resolve("marking.yml"), LOCAL_POLICY, StandardCharsets.UTF_8);
        Files.copy(Comparison.root().resolve("examples/documents/公开通报.txt"), local.resolve("公开通报.txt"));
        Files.writeString(local.resolve("run.sh"), "#!/bin/sh\n", StandardCharsets.US_ASCII);
        Files.copy(Comparison.root().resolve("examples/documents/公开通报.txt"),
                Files.createDirectories(local.resolve("target")).resolve("copy.txt"));
        inputs = List.of(local.toRealPath(), Corpus.root().toRealPath(),
                Comparison.root().resolve("examples/documents").toRealPath(), bad.toRealPath());
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
        spark = Comparison.localSpark("VerifyJobIT").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void findingsEqualTheCliJsonReport() throws IOException {
        List<String> args = new ArrayList<>(List.of("--today", TODAY, "--lang", "en"));
        inputs.forEach(p -> args.add(p.toString()));
        Comparison cli = Comparison.cli(tmp.resolve("cli.json"), args);
        Comparison job = Comparison.job(spark, first);

        assertTrue(cli.files().size() > 100, "the corpus is there: " + cli.files().size() + " files");
        assertEquals(cli.files(), job.files(), "same files, formats and markings");
        assertEquals(String.join("\n", cli.findings()), String.join("\n", job.findings()));
        assertEquals(String.join("\n", cli.skipped()), String.join("\n", job.skipped()), "same files skipped, same why");
        assertEquals(cli.policies(), job.policies(), "the same policy files, the same keys refused");
        assertEquals(cli.summary(), job.summary(), "files, errors, warnings, infos, skipped");

        // The folder's marking.yml was applied (to the whole run) and refused what it may not ask.
        Path local = inputs.get(0);
        assertEquals(List.of("built-in built-in []", local.resolve("marking.yml") + " local [\"exclude\"]"), job.policies());
        assertTrue(job.findings().stream().anyMatch(f -> f.startsWith(local.resolve("公开通报.txt") + " | ")
                && f.contains("办公时间")), "the local sensitive word is found");
        assertTrue(job.skipped().contains("folder " + local.resolve("target") + "/"), String.join("\n", job.skipped()));
        assertTrue(job.skipped().contains("not-document " + local.resolve("run.sh")), String.join("\n", job.skipped()));
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
        for (String key : List.of("files", "errors", "warnings", "infos", "skipped", "findings", "policies")) {
            assertEquals(before.get(key), after.get(key), key);
        }
        for (String name : List.of("files", "findings", "skipped")) {
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
        List<String> command = new ArrayList<>(List.of(Comparison.root().resolve("marking-spark/spark-submit-local").toString(),
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

    private static String tail(String text) {
        try (Stream<String> lines = text.lines()) {
            List<String> all = lines.filter(l -> !l.contains(" INFO ")).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
        }
    }
}
