package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marking.core.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder the job cannot list — refused as HDFS refuses it, refused as Hadoop's local file system refuses it, or
 * deleted while the listing runs — is a finding naming the folder and the reason, as {@code marking verify}
 * reports one ({@code HostileTreeTest}, {@code HostileInputsCliTest}: {@code file.unreadable}, error, the folder
 * with its '/', format {@code folder}, "cannot open the folder (permission denied): nothing in it was checked"),
 * and the job goes on with the rest. Tests run as root, whom permissions do not stop, so the faults come from
 * {@link FaultyFileSystem}, the local Hadoop file system with those three failures put in.
 */
class UnlistedFolderTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final String UNOPENED = "cannot open the folder (%s): nothing in it was checked";

    @TempDir
    static Path tmp;

    private static Path tree;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        tree = Files.createDirectories(tmp.resolve("tree")).toRealPath();
        spark = Comparison.localSpark("UnlistedFolderTest")
                .config("spark.hadoop.fs.file.impl", FaultyFileSystem.class.getName())
                .config("spark.hadoop.fs.file.impl.disable.cache", "true")
                .config("spark.hadoop." + FaultyFileSystem.DENIED, tree.resolve("locked").toString())
                .config("spark.hadoop." + FaultyFileSystem.LOCAL_DENIED, tree.resolve("private").toString())
                .config("spark.hadoop." + FaultyFileSystem.VANISHING, tree.resolve("gone").toString())
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aFolderThatCannotBeListedIsAFindingAsInTheCliAndTheJobGoesOn() throws Exception {
        Path examples = Comparison.root().resolve("examples/documents");
        Files.copy(examples.resolve("公开通报.txt"), tree.resolve("公开通报.txt"));
        Files.copy(examples.resolve("关于开展安全检查的通知.docx"),
                Files.createDirectories(tree.resolve("docs")).resolve("关于开展安全检查的通知.docx"));
        List<String> unlisted = List.of("gone", "locked", "private");
        for (String name : unlisted) {
            Files.createDirectories(tree.resolve(name));
        }
        // The CLI sees the three folders empty, as the job cannot see into them.
        Comparison cli = Comparison.cli(tmp.resolve("cli.json"), List.of("--today", TODAY.toString(), "--lang", "en",
                tree.toString()));
        for (String name : unlisted) {
            Files.copy(examples.resolve("公开通报.txt"), tree.resolve(name).resolve("公开通报.txt"));
        }

        Path run = tmp.resolve("run");
        RunSummary summary = new VerifyRun(spark, Engine.standard("test"), JobOptions.parse(new String[] {"--input",
            tree.toString(), "--output", run.toString(), "--today", TODAY.toString(), "--lang", "en"}, Map.of()),
                TODAY, "code-a").run();
        Comparison job = Comparison.job(spark, run);

        TreeMap<String, String> files = new TreeMap<>(cli.files());
        TreeSet<String> findings = new TreeSet<>(cli.findings());
        Map<String, String> reasons = Map.of("gone", "no such file or folder", "locked", "permission denied",
                "private", "permission denied");
        for (String name : unlisted) {
            String folder = tree.resolve(name) + "/";
            files.put(folder, "folder null");
            findings.add(String.join(" | ", folder, "file.unreadable", "error", "{}",
                    UNOPENED.formatted(reasons.get(name))));
        }
        Map<String, Long> counts = new LinkedHashMap<>(cli.summary());
        counts.merge("files", 3L, Long::sum);
        counts.merge("errors", 3L, Long::sum);

        assertEquals(files, job.files(), "the CLI's files and the three folders");
        assertEquals(String.join("\n", findings), String.join("\n", job.findings()));
        assertEquals(cli.skipped(), job.skipped());
        assertEquals(counts, job.summary());
        assertEquals(files.size(), summary.files());
        assertTrue(job.findings().stream().anyMatch(f -> f.startsWith(tree.resolve("docs") + "/")),
                "the listing went on past the folders it could not list:\n" + String.join("\n", job.findings()));
        assertFalse(Files.exists(tree.resolve("gone")), "the folder really vanished during the listing");
        for (Row r : spark.read().parquet(run.resolve("files").toString()).where("format = 'folder'").collectAsList()) {
            assertNull(r.getAs("sha256"), "nothing was read: " + r);
            assertEquals(1, r.<Integer>getAs("errors"));
        }
        JsonNode written = Comparison.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals(0, written.get("reused").asLong());
    }
}
