package dev.marking.maven;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.ReportTarget;
import dev.marking.core.engine.ReportedFinding;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.engine.VerifyResult;
import dev.marking.core.model.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the markings of the project's documents and fails the build on findings over the threshold,
 * as {@code checkstyle:check} does for style. Findings are printed as {@code [ERROR] path: rule: message};
 * reports go to {@code outputDirectory}; unchanged files are answered from a cache there.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    static final String CACHE_FILE = "marking-cache.json";

    /** Skips the check. */
    @Parameter(property = "marking.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The organisation's policy file; default {@code $MARKING_POLICY}. Without one, the project's own {@code marking.yml}
     * (beside the POM) is the policy, else the built-in one; with one, the project's file may only tighten it (unless
     * it says {@code local-policy: override}).
     */
    @Parameter(property = "marking.policy")
    private File policy;

    /** Folders (or files) to check; default the project base directory. */
    @Parameter(property = "marking.directories")
    private List<File> directories;

    /**
     * Globs of files to check, relative to each folder; default every file: each is recognised by its content, and
     * what is not a document (sources, the POM, images) is skipped and counted. Applied on top of the policy's own
     * include.
     */
    @Parameter(property = "marking.includes")
    private List<String> includes;

    /**
     * Globs of files to skip, on top of the policy's own; none by default (VCS, IDE, {@code node_modules} and
     * {@code target} folders are never walked into).
     */
    @Parameter(property = "marking.excludes")
    private List<String> excludes;

    /** Lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code none}. */
    @Parameter(property = "marking.failOnSeverity", defaultValue = "error")
    private String failOnSeverity;

    /** Findings at {@code failOnSeverity} or above that are still tolerated. */
    @Parameter(property = "marking.maxAllowedFindings", defaultValue = "0")
    private int maxAllowedFindings;

    /** A baseline written by {@code marking verify --write-baseline}: only findings not in it are reported. */
    @Parameter(property = "marking.baseline")
    private File baseline;

    /** Reports to write: ids of the report writer registry ({@code text}, {@code json}, {@code sarif}, …). */
    @Parameter(property = "marking.formats", defaultValue = "text,json")
    private List<String> formats;

    /** Where reports ({@code marking.txt}, {@code marking.json}, …) and the cache are written. */
    @Parameter(property = "marking.outputDirectory", defaultValue = "${project.build.directory}/marking")
    private File outputDirectory;

    /** Files checked at once; 0 means one per core. */
    @Parameter(property = "marking.threads", defaultValue = "0")
    private int threads;

    /** Language of messages: {@code zh} or {@code en}; default the JVM's locale. */
    @Parameter(property = "marking.lang")
    private String lang;

    /** Answer unchanged files from the cache in {@code outputDirectory}. */
    @Parameter(property = "marking.cache", defaultValue = "true")
    private boolean useCache;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("marking: check skipped (marking.skip)");
            return;
        }
        FindingThreshold threshold = threshold();
        Engine engine = Engine.standard(plugin.getVersion());
        Path out = outputDirectory.toPath();
        VerifyResult result;
        long started = System.nanoTime();
        try {
            VerifyRequest request = VerifyRequest.of(roots())
                    .withPolicy(engine.projectPolicy(policy == null ? null : policy.toPath(), basedir.toPath()))
                    .withLang(lang).withThreads(threads).withBaseline(baseline == null ? null : baseline.toPath())
                    .withSelection(basedir.toPath(), orEmpty(includes), orEmpty(excludes))
                    .withCache(useCache ? out.resolve(CACHE_FILE) : null);
            for (String id : formats == null ? List.<String>of() : formats) {
                if (!id.isBlank()) {
                    request = request.withReport(ReportTarget.folder(id.strip().toLowerCase(Locale.ROOT), out));
                }
            }
            result = engine.verify(request, null);
        } catch (EngineException e) {
            throw new MojoExecutionException("marking: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("marking: cannot scan: " + e.getMessage(), e);
        }
        result.cacheProblem().ifPresent(p -> getLog().warn("marking: " + p));
        print(result);
        getLog().info(String.format(Locale.ROOT, "marking: %d files, %d from cache, %d read, %d skipped (%.1f s)",
                result.files(), result.fromCache(), result.read(), result.skipped(), (System.nanoTime() - started) / 1e9));
        getLog().info("marking: policy " + String.join("; ", result.policies()));
        getLog().info("marking: " + counts(result)
                + (result.accepted() > 0 ? " (" + result.accepted() + " accepted by the baseline)" : ""));
        for (Path report : result.reports()) {
            getLog().info("marking: report " + ProjectPaths.shown(basedir, report));
        }
        if (threshold.exceeded(result)) {
            throw new MojoFailureException(String.format(Locale.ROOT,
                    "marking: %d finding(s) at %s level or above, %d allowed (%s); first: %s; reports in %s",
                    threshold.counted(result), threshold.severity().orElseThrow().id(), threshold.maxAllowed(),
                    counts(result), threshold.first(result).orElse("-"), ProjectPaths.shown(basedir, out)));
        }
    }

    private FindingThreshold threshold() throws MojoExecutionException {
        try {
            return FindingThreshold.parse(failOnSeverity, maxAllowedFindings);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("marking: " + e.getMessage(), e);
        }
    }

    private List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        for (File d : directories == null || directories.isEmpty() ? List.of(basedir) : directories) {
            roots.add(d.toPath());
        }
        return roots;
    }

    private void print(VerifyResult result) {
        for (ReportedFinding f : result.findings()) {
            String line = f.path() + ": " + f.rule() + ": " + f.message() + (f.where().isEmpty() ? "" : " (" + f.where() + ")");
            switch (f.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
    }

    private static String counts(VerifyResult r) {
        return String.format(Locale.ROOT, "%d error(s), %d warning(s), %d info(s)", r.count(Severity.ERROR),
                r.count(Severity.WARNING), r.count(Severity.INFO));
    }

    private static List<String> orEmpty(List<String> given) {
        return given == null ? List.of() : given;
    }
}
