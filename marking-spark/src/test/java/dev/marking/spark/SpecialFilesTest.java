package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.Engine;
import dev.marking.core.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named pipe in the input (in a folder, or named on its own) and a link to nothing: Hadoop's local file system
 * lists the pipe as a file, and reading it would block until a writer comes, so the whole job would hang; it drops
 * the dangling link without a word. The job reports both as {@code marking verify} does ({@code file.unreadable},
 * "not a regular file but a named pipe (FIFO)", "a symbolic link to …, which does not exist"), never opens the
 * pipe, and checks the rest. The timeout turns a hang into a failure.
 */
class SpecialFilesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    @TempDir
    static Path tmp;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = Comparison.localSpark("SpecialFilesTest").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void pipesAndDanglingLinksAreFindingsAsInTheCliAndNothingHangs() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree")).toRealPath();
        Path examples = Comparison.root().resolve("examples/documents");
        Files.copy(examples.resolve("公开通报.txt"), tree.resolve("公开通报.txt"));
        Files.copy(examples.resolve("关于开展安全检查的通知.docx"),
                Files.createDirectories(tree.resolve("docs")).resolve("关于开展安全检查的通知.docx"));
        Path pipe = SpecialFiles.fifo(tree.resolve("docs").resolve("pipe.txt"));
        Path named = SpecialFiles.fifo(tmp.resolve("named.docx"));
        SpecialFiles.link(tree.resolve("gone.pdf"), tree.resolve("nothing-here.pdf"));

        List<String> options = List.of("--today", TODAY.toString(), "--lang", "en");
        List<String> cliArgs = new ArrayList<>(options);
        cliArgs.addAll(List.of(tree.toString(), named.toString()));
        Comparison cli = Comparison.cli(tmp.resolve("cli.json"), cliArgs);

        Path run = tmp.resolve("run");
        RunSummary summary = new VerifyRun(spark, Engine.standard("test"), JobOptions.parse(new String[] {"--input",
            tree.toString(), "--input", named.toString(), "--output", run.toString(), "--today", TODAY.toString(),
            "--lang", "en"}, Map.of()), TODAY, "code-a").run();
        Comparison job = Comparison.job(spark, run);

        for (Path special : List.of(pipe, named, tree.resolve("gone.pdf"))) {
            assertTrue(cli.findings().stream().anyMatch(f -> f.startsWith(special + " | file.unreadable | error")),
                    "the CLI reports " + special + ":\n" + String.join("\n", cli.findings()));
        }
        assertEquals(cli.files(), job.files());
        assertEquals(String.join("\n", cli.findings()), String.join("\n", job.findings()));
        assertEquals(cli.summary(), job.summary());
        assertEquals(cli.files().size(), summary.files());
        assertTrue(job.findings().stream().anyMatch(f -> f.startsWith(tree.resolve("docs") + "/关于")),
                "the documents beside the pipe were checked:\n" + String.join("\n", job.findings()));
    }
}
