package dev.marking.maven;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.policy.Baseline;
import dev.marking.core.policy.Policy;
import dev.marking.core.report.ReportWriter;
import dev.marking.core.report.ReportWriters;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.FileSelection;
import dev.marking.core.scan.IncrementalScan;
import dev.marking.core.scan.ScanCache;
import dev.marking.core.scan.ScanListener;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.ScanTarget;
import dev.marking.core.text.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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

    static final List<String> DEFAULT_INCLUDES = List.of("**/*.docx", "**/*.pdf", "**/*.ofd", "**/*.md", "**/*.txt");
    static final List<String> DEFAULT_EXCLUDES = List.of("target/**", ".git/**", ".svn/**", ".hg/**", ".idea/**",
            ".vscode/**", ".settings/**", "node_modules/**");
    static final String CACHE_FILE = "marking-cache.json";

    /** Skips the check. */
    @Parameter(property = "marking.skip", defaultValue = "false")
    private boolean skip;

    /** Policy file; default {@code $MARKING_POLICY}, else {@code marking.yml} in the project folder, else built-in. */
    @Parameter(property = "marking.policy")
    private File policy;

    /** Folders (or files) to check; default the project base directory. */
    @Parameter(property = "marking.directories")
    private List<File> directories;

    /**
     * Globs of files to check, relative to each folder; default all documents
     * ({@code .docx}, {@code .pdf}, {@code .ofd}, {@code .md}, {@code .txt}). Applied on top of the policy's own include.
     */
    @Parameter(property = "marking.includes")
    private List<String> includes;

    /** Globs of files to skip; default {@code target/**} and VCS/IDE folders. Applied on top of the policy's own. */
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

    /** Reports to write: any of {@code text}, {@code json}, {@code sarif}, {@code checkstyle}. */
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
        Messages messages = Messages.forLang(lang);
        FindingThreshold threshold = threshold();
        List<ReportWriter> writers = writers(messages);
        Policy pol = loadPolicy();
        Baseline accepted = readBaseline();
        List<Path> roots = roots();
        ScanOptions options = ScanOptions.of(pol, LocalDate.now(), messages);
        if (threads > 0) {
            options = options.withThreads(threads);
        }
        FormatRegistry registry = FormatRegistry.standard();
        Path out = outputDirectory.toPath();
        IncrementalScan.Outcome outcome;
        long started = System.nanoTime();
        try {
            List<ScanTarget> targets = new FileSelection(registry, pol, orDefault(includes, DEFAULT_INCLUDES),
                    orDefault(excludes, DEFAULT_EXCLUDES)).expand(roots, basedir.toPath());
            ScanCache cache = useCache ? ScanCache.open(out.resolve(CACHE_FILE), ScanCache.key(registry, options,
                    plugin.getVersion())) : ScanCache.disabled();
            outcome = new IncrementalScan(registry, options, cache).run(targets, ScanListener.NONE);
            saveCache(cache);
        } catch (IOException e) {
            throw new MojoExecutionException("marking: cannot scan: " + e.getMessage(), e);
        }
        ScanResult result = accepted == null ? outcome.result() : accepted.filter(outcome.result());
        print(result, messages);
        getLog().info(String.format(Locale.ROOT, "marking: %d files, %d from cache, %d read (%.1f s)", outcome.files(),
                outcome.fromCache(), outcome.read(), (System.nanoTime() - started) / 1e9));
        getLog().info(summary(result, outcome.result()));
        writeReports(writers, result, out);
        if (threshold.exceeded(result)) {
            throw new MojoFailureException(String.format(Locale.ROOT,
                    "marking: %d finding(s) at %s level or above, %d allowed (%s); first: %s; reports in %s",
                    threshold.counted(result), threshold.severity().orElseThrow().id(), threshold.maxAllowed(),
                    counts(result), threshold.first(result).orElse("-"), ProjectPaths.shown(basedir, out)));
        }
    }

    /** A cache that cannot be written only costs the next build a full scan. */
    private void saveCache(ScanCache cache) {
        try {
            cache.save();
        } catch (IOException e) {
            getLog().warn("marking: cannot write the cache " + cache.file().map(Path::toString).orElse("") + ": " + e);
        }
    }

    private FindingThreshold threshold() throws MojoExecutionException {
        try {
            return FindingThreshold.parse(failOnSeverity, maxAllowedFindings);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("marking: " + e.getMessage(), e);
        }
    }

    private List<ReportWriter> writers(Messages messages) throws MojoExecutionException {
        List<ReportWriter> out = new ArrayList<>();
        for (String id : formats == null ? List.<String>of() : formats) {
            String f = id.strip().toLowerCase(Locale.ROOT);
            if (f.isEmpty()) {
                continue;
            }
            out.add(ReportWriters.byId(f, messages, plugin.getVersion()).orElseThrow(() -> new MojoExecutionException(
                    "marking: unknown report format '" + id + "' (known: " + String.join(", ", ReportWriters.ids()) + ")")));
        }
        return out;
    }

    private Policy loadPolicy() throws MojoExecutionException {
        return ProjectPolicy.load(policy, basedir);
    }

    private Baseline readBaseline() throws MojoExecutionException {
        if (baseline == null) {
            return null;
        }
        if (!baseline.isFile()) {
            throw new MojoExecutionException("marking: baseline " + baseline + " not found");
        }
        try {
            return Baseline.read(baseline.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("marking: " + e.getMessage(), e);
        }
    }

    private List<Path> roots() throws MojoExecutionException {
        List<Path> roots = new ArrayList<>();
        for (File d : directories == null || directories.isEmpty() ? List.of(basedir) : directories) {
            if (!d.exists()) {
                throw new MojoExecutionException("marking: " + d + ": no such file or folder (see <directories>)");
            }
            roots.add(d.toPath());
        }
        return roots;
    }

    private void print(ScanResult result, Messages messages) {
        for (FileResult file : result.files()) {
            for (Finding f : file.findings()) {
                String where = f.location().describe(messages);
                String line = file.path() + ": " + f.rule() + ": " + f.message() + (where.isEmpty() ? "" : " (" + where + ")");
                switch (f.severity()) {
                    case ERROR -> getLog().error(line);
                    case WARNING -> getLog().warn(line);
                    default -> getLog().info(line);
                }
            }
        }
    }

    private static String summary(ScanResult reported, ScanResult all) {
        long hidden = all.files().stream().mapToLong(f -> f.findings().size()).sum()
                - reported.files().stream().mapToLong(f -> f.findings().size()).sum();
        return "marking: " + counts(reported) + (hidden > 0 ? " (" + hidden + " accepted by the baseline)" : "");
    }

    private static String counts(ScanResult r) {
        return String.format(Locale.ROOT, "%d error(s), %d warning(s), %d info(s)", r.count(Severity.ERROR),
                r.count(Severity.WARNING), r.count(Severity.INFO));
    }

    private void writeReports(List<ReportWriter> writers, ScanResult result, Path out) throws MojoExecutionException {
        for (ReportWriter w : writers) {
            try {
                Path written = ReportFiles.write(w, result, out);
                getLog().info("marking: " + w.id() + " report " + ProjectPaths.shown(basedir, written));
            } catch (IOException e) {
                throw new MojoExecutionException("marking: cannot write the " + w.id() + " report in " + out + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static List<String> orDefault(List<String> given, List<String> fallback) {
        return given == null || given.isEmpty() ? fallback : given;
    }
}
