package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real-world test material, which stays outside the repository: the corpus ({@code MARKING_CORPUS} or
 * {@code -Dmarking.corpus}) and the labelled samples ({@code MARKING_SAMPLES} or {@code -Dmarking.samples}).
 * The corpus defaults to {@code ../shared/corpus} beside the project, the samples to the {@code samples}
 * folder next to the corpus; relative settings are taken from the project root. A test that needs them is
 * skipped with a message naming the variable where they are missing, and fails under {@code CI}, which has them;
 * a test that reads corpus files before its body runs (argument source, {@code @BeforeAll}) carries
 * {@link NeedsCorpus}.
 */
public final class Corpus {

    /** Environment variable naming the corpus directory. */
    public static final String CORPUS_ENV = "MARKING_CORPUS";
    /** System property naming the corpus directory; wins over the environment variable. */
    public static final String CORPUS_PROPERTY = "marking.corpus";
    /** Environment variable naming the labelled samples directory. */
    public static final String SAMPLES_ENV = "MARKING_SAMPLES";
    /** System property naming the labelled samples directory; wins over the environment variable. */
    public static final String SAMPLES_PROPERTY = "marking.samples";

    private Corpus() {
    }

    /** Where the corpus is looked for, whether or not it is there (benchmarks take it as their default). */
    public static Path location() {
        return configured(CORPUS_PROPERTY, CORPUS_ENV)
                .orElseGet(() -> projectRoot().resolve("../shared/corpus").normalize());
    }

    /** Where the labelled samples are looked for: as configured, else {@code samples} beside the corpus. */
    public static Path samplesLocation() {
        return configured(SAMPLES_PROPERTY, SAMPLES_ENV).orElseGet(() -> location().resolveSibling("samples"));
    }

    /** The corpus directory; aborts the test where it is missing (fails it under {@code CI}). */
    public static Path root() {
        return require(location(), "real-world corpus", CORPUS_ENV, CORPUS_PROPERTY);
    }

    /** A folder of the corpus ({@code docx}, {@code pdf}, {@code malformed}); it must exist when the corpus does. */
    public static Path dir(String name) {
        Path dir = root().resolve(name);
        assertTrue(Files.isDirectory(dir), "the corpus at " + root() + " has no folder " + name);
        return dir;
    }

    /** A file of the corpus, e.g. {@code pdf/pdfbox_survey.pdf}; it must exist when the corpus does. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        assertTrue(Files.isRegularFile(file), "the corpus at " + root() + " has no file " + relative);
        return file;
    }

    /** The files of one corpus folder whose names end with {@code suffix}, sorted. */
    public static List<Path> files(String dirName, String suffix) {
        try (Stream<Path> s = Files.list(dir(dirName))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the corpus folder " + dirName, e);
        }
    }

    /** A labelled sample file, e.g. {@code declass-dev.tsv}; aborts the test where the samples are missing. */
    public static Path sample(String name) {
        Path file = require(samplesLocation(), "labelled samples", SAMPLES_ENV, SAMPLES_PROPERTY).resolve(name);
        assertTrue(Files.isRegularFile(file), "the samples at " + samplesLocation() + " have no file " + name);
        return file;
    }

    private static Path require(Path dir, String what, String env, String property) {
        if (!Files.isDirectory(dir)) {
            Missing.skipOrFail(notFound(dir, what, env, property));
        }
        return dir;
    }

    private static String notFound(Path dir, String what, String env, String property) {
        return what + " not found at " + dir + "; set " + env + " (or -D" + property + ") to its directory";
    }

    private static Optional<Path> configured(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(projectRoot().resolve(value).normalize());
    }

    /** Decides {@link NeedsCorpus} before JUnit runs the test's argument source or {@code @BeforeAll}. */
    static final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Path dir = location();
            if (Files.isDirectory(dir)) {
                return ConditionEvaluationResult.enabled("real-world corpus at " + dir);
            }
            String reason = notFound(dir, "real-world corpus", CORPUS_ENV, CORPUS_PROPERTY);
            if (Missing.onCi()) {
                fail("required on CI: " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    /** The directory Maven builds from (the one holding {@code .mvn}), found from wherever the test runs. */
    static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return start;
    }
}
