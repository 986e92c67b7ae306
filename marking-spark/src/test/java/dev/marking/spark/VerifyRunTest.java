package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marking.core.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's run in this JVM ({@code local[1]}) over a small tree with a folder-local {@code marking.yml}, an
 * organisation policy that excludes files, files that are not documents and a build folder: it reports what
 * {@code marking verify --format json} reports; a run with {@code --previous} does not fetch a file skipped before
 * whose size and time are unchanged; results found under other code are read again; without {@code --policy}, the
 * driver's {@code $MARKING_POLICY} is the organisation's policy, as for the CLI.
 */
class VerifyRunTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final String CODE = "code-a";
    /** 会议纪要.md is left out by the organisation's policy (*.log) no more than by the local one (*.md, ignored). */
    private static final String LOCAL = """
            version: 1
            rules:
              marking.noncanonical: error
            paths:
              - {path: "公开通报.txt", at-least: 秘密}
            sensitive:
              words: {秘密: [办公时间]}
            exclude:
              - "*.md"
            """;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path tree;
    private static Path organisation;

    @BeforeAll
    static void start() throws IOException {
        spark = Comparison.localSpark("VerifyRunTest").getOrCreate();
        tree = Files.createDirectories(tmp.resolve("tree")).toRealPath();
        Path examples = Comparison.root().resolve("examples/documents");
        Files.writeString(tree.resolve("marking.yml"), LOCAL, StandardCharsets.UTF_8);
        Files.copy(examples.resolve("公开通报.txt"), tree.resolve("公开通报.txt"));
        Files.copy(examples.resolve("会议纪要.md"), tree.resolve("会议纪要.md"));
        Files.copy(examples.resolve("关于开展安全检查的通知.docx"),
                Files.createDirectories(tree.resolve("docs")).resolve("关于开展安全检查的通知.docx"));
        Files.writeString(tree.resolve("run.sh"), "#!/bin/sh\necho checked\n", StandardCharsets.US_ASCII);
        Files.writeString(tree.resolve("debug.log"), "机密★5年\n", StandardCharsets.UTF_8);
        Files.copy(examples.resolve("公开通报.txt"), Files.createDirectories(tree.resolve("target")).resolve("copy.txt"));
        organisation = tmp.resolve("organisation.yml");
        Files.writeString(organisation, "version: 1\nexclude:\n  - \"*.log\"\n", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aFolderLocalPolicyTightensTheJobAsItTightensTheCli() throws Exception {
        Path run = tmp.resolve("local-run");
        Path other = Files.createDirectories(tmp.resolve("other")).toRealPath();
        Files.copy(tree.resolve("公开通报.txt"), other.resolve("公开通报.txt"));
        run(CODE, run, null, tree.toString(), other.toString());
        Comparison job = Comparison.job(spark, run);
        Comparison cli = Comparison.cli(tmp.resolve("local-cli.json"), List.of("--policy", organisation.toString(),
                "--today", TODAY.toString(), "--lang", "en", tree.toString(), other.toString()));

        assertEquals(cli.files(), job.files(), "same files, formats and markings");
        assertEquals(String.join("\n", cli.findings()), String.join("\n", job.findings()));
        assertEquals(String.join("\n", cli.skipped()), String.join("\n", job.skipped()));
        assertEquals(cli.policies(), job.policies(), "the same policy files, what the local one was refused");
        assertEquals(cli.summary(), job.summary());

        // The local file counted: it raised and added findings (in the second folder too, as the CLI applies the
        // first folder's file to the whole run), and its exclude was refused.
        assertEquals(List.of(organisation + " organisation []", tree.resolve("marking.yml") + " local [\"exclude\"]"),
                job.policies());
        for (Path folder : List.of(tree, other)) {
            String notice = folder.resolve("公开通报.txt").toString();
            assertTrue(job.findings().stream().anyMatch(f -> f.startsWith(notice + " | ") && f.contains("办公时间")),
                    "the local sensitive word is found in " + notice + ":\n" + String.join("\n", job.findings()));
        }
        assertTrue(job.skipped().contains("excluded " + tree.resolve("debug.log")), "the organisation's exclude");
        assertTrue(job.skipped().contains("folder " + tree.resolve("target") + "/"), "a build folder");
        assertTrue(job.skipped().contains("not-document " + tree.resolve("run.sh")), "source code");
    }

    @Test
    void aSkippedFileIsFetchedAgainOnlyWhenItsSizeOrTimeChanged() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("skips")).toRealPath();
        Files.copy(tree.resolve("公开通报.txt"), folder.resolve("公开通报.txt"));
        byte[] png = png();
        // Text without a document extension is not a document; a PNG under the same name is (an image).
        Path notes = folder.resolve("notes");
        Files.writeString(notes, "x".repeat(png.length), StandardCharsets.US_ASCII);
        Path first = tmp.resolve("skips-1");
        JsonNode one = run(CODE, first, null, folder.toString());
        assertEquals(1, one.get("skipped").asLong());
        assertEquals(1, one.get("read").asLong());
        assertEquals(List.of("not-document " + notes), new ArrayList<>(Comparison.job(spark, first).skipped()));

        // Same size and time: kept as skipped without fetching it (what it holds now is not looked at).
        FileTime time = Files.getLastModifiedTime(notes);
        Files.write(notes, png);
        Files.setLastModifiedTime(notes, time);
        Path second = tmp.resolve("skips-2");
        JsonNode two = run(CODE, second, first, folder.toString());
        assertEquals(0, two.get("read").asLong(), "nothing fetched for checking");
        assertEquals(1, two.get("reused").asLong());
        assertEquals(1, two.get("skipped").asLong());
        assertEquals(Comparison.job(spark, first).skipped(), Comparison.job(spark, second).skipped());

        // A new time: fetched, and now it is a document.
        Files.setLastModifiedTime(notes, FileTime.fromMillis(time.toMillis() + 60_000));
        Path third = tmp.resolve("skips-3");
        JsonNode three = run(CODE, third, second, folder.toString());
        assertEquals(1, three.get("read").asLong(), "the changed file is read");
        assertEquals(0, three.get("skipped").asLong());
        assertEquals("image", Comparison.job(spark, third).files().get(notes.toString()).split(" ")[0]);
    }

    @Test
    void resultsFoundUnderOtherCodeAreReadAgain() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("code")).toRealPath();
        Path examples = Comparison.root().resolve("examples/documents");
        for (String name : List.of("公开通报.txt", "试验情况简报.docx")) {
            Files.copy(examples.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(folder.resolve("run.sh"), "#!/bin/sh\n", StandardCharsets.US_ASCII);
        Path first = tmp.resolve("code-1");
        assertEquals(2, run(CODE, first, null, folder.toString()).get("read").asLong());

        Path same = tmp.resolve("code-2");
        JsonNode kept = run(CODE, same, first, folder.toString());
        assertEquals(0, kept.get("read").asLong(), "same code: kept");
        assertEquals(2, kept.get("reused").asLong());

        Path rebuilt = tmp.resolve("code-3");
        JsonNode again = run("code-b", rebuilt, same, folder.toString());
        assertEquals(2, again.get("read").asLong(), "other code: every document read again");
        assertEquals(0, again.get("reused").asLong());
        assertEquals(1, again.get("skipped").asLong());
        assertEquals(Comparison.job(spark, first), Comparison.job(spark, rebuilt));
        for (Row r : spark.read().parquet(rebuilt.resolve("files").toString()).collectAsList()) {
            assertEquals("code-b", r.getAs("code_fingerprint"));
        }
        for (Row r : spark.read().parquet(rebuilt.resolve("skipped").toString()).collectAsList()) {
            assertEquals("code-b", r.getAs("code_fingerprint"));
        }
        assertEquals("code-b", again.get("code").asText());
    }

    @Test
    void withoutPolicyTheDriversMarkingPolicyIsTheOrganisationsPolicyAsForTheCli() throws Exception {
        Map<String, String> env = Map.of("MARKING_POLICY", organisation.toString());
        Path run = tmp.resolve("env-run");
        run(CODE, run, List.of(), env, tree.toString());
        Comparison job = Comparison.job(spark, run);
        Path report = tmp.resolve("env-cli.json");
        Comparison cli = Comparison.cli(report, List.of("--today", TODAY.toString(), "--lang", "en", tree.toString()),
                env);

        assertEquals(cli.files(), job.files(), "same files, formats and markings");
        assertEquals(String.join("\n", cli.findings()), String.join("\n", job.findings()));
        assertEquals(String.join("\n", cli.skipped()), String.join("\n", job.skipped()));
        assertEquals(cli.policies(), job.policies(), "the same policy files");
        assertEquals(cli.summary(), job.summary());
        // Named exactly as the CLI's report names it, and it ruled: its exclude left the log out.
        assertEquals(Comparison.JSON.readTree(report.toFile()).get("policies"),
                Comparison.JSON.readTree(run.resolve("summary.json").toFile()).get("policies"));
        assertEquals(List.of(organisation + " organisation []", tree.resolve("marking.yml") + " local [\"exclude\"]"),
                job.policies());
        assertTrue(job.skipped().contains("excluded " + tree.resolve("debug.log")), "the organisation's exclude");
    }

    /** Runs the job on {@code inputs} under the organisation policy; its summary. */
    private static JsonNode run(String code, Path output, Path previous, String... inputs) throws Exception {
        List<String> options = new ArrayList<>(List.of("--policy", organisation.toString()));
        if (previous != null) {
            options.addAll(List.of("--previous", previous.toString()));
        }
        return run(code, output, options, Map.of(), inputs);
    }

    /** Runs the job on {@code inputs} with {@code options} in the driver's environment {@code env}; its summary. */
    private static JsonNode run(String code, Path output, List<String> options, Map<String, String> env,
            String... inputs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--input"));
        args.addAll(List.of(inputs));
        args.addAll(List.of("--output", output.toString(), "--today", TODAY.toString(), "--lang", "en"));
        args.addAll(options);
        new VerifyRun(spark, Engine.standard("test"), JobOptions.parse(args.toArray(String[]::new), env), TODAY, code)
                .run();
        return Comparison.JSON.readTree(output.resolve("summary.json").toFile());
    }

    /** A 1×1 grey PNG. */
    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        Deflater d = new Deflater();
        d.setInput(new byte[] {0, 0x7f});
        d.finish();
        byte[] buf = new byte[64];
        int n = d.deflate(buf);
        d.end();
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
