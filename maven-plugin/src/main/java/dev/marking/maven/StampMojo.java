package dev.marking.maven;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingSpec;
import dev.marking.core.model.Message;
import dev.marking.core.model.ParsedMark;
import dev.marking.core.model.Urgency;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.DocumentIds;
import dev.marking.core.scan.FileSelection;
import dev.marking.core.scan.ScanTarget;
import dev.marking.core.scan.Stamper;
import dev.marking.core.text.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stamps a marking onto copies of the configured documents in {@code outputDirectory}, for marked
 * deliverables made in {@code package}. Files under a folder keep their relative path; inputs are
 * never modified.
 */
@Mojo(name = "stamp", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class StampMojo extends AbstractMojo {

    /** Skips stamping. */
    @Parameter(property = "marking.stamp.skip", defaultValue = "false")
    private boolean skip;

    /** Level: 绝密, 机密, 秘密, 公开, 非密, 工作秘密, 内部, … */
    @Parameter(property = "marking.level", required = true)
    private String level;

    /**
     * Policy file, for its levels and its script ({@code marking.script: traditional} stamps 機密★5年); default
     * {@code $MARKING_POLICY}, else {@code marking.yml} in the project folder, else built-in.
     */
    @Parameter(property = "marking.policy")
    private File policy;

    /** Term: {@code 5} or {@code 5年}, {@code 6个月}, a declassification date {@code 2030-12-31}, or {@code 长期}. */
    @Parameter(property = "marking.term")
    private String term;

    /** Issue date (成文日期, {@code YYYY-MM-DD}); the term starts there. */
    @Parameter(property = "marking.issued")
    private String issued;

    /** Copy number (份号), 1..999999. */
    @Parameter(property = "marking.copy")
    private Integer copy;

    /** 紧急程度: 特急 or 加急. */
    @Parameter(property = "marking.urgency")
    private String urgency;

    /** Add the diagonal watermark. */
    @Parameter(property = "marking.watermark", defaultValue = "true")
    private boolean watermark;

    /** Add the running header with the mark. */
    @Parameter(property = "marking.header", defaultValue = "true")
    private boolean header;

    /** Add the footer with the copy number. */
    @Parameter(property = "marking.footer", defaultValue = "true")
    private boolean footer;

    /** TrueType font to embed in PDFs. */
    @Parameter(property = "marking.font")
    private File font;

    /** Files to stamp. */
    @Parameter
    private List<File> files;

    /** Folders whose documents (filtered by {@code includes}/{@code excludes}) are stamped. */
    @Parameter
    private List<File> directories;

    /** Globs of files to stamp under {@code directories}; default all documents. */
    @Parameter
    private List<String> includes;

    /** Globs of files to leave out under {@code directories}; default {@code target/**} and VCS/IDE folders. */
    @Parameter
    private List<String> excludes;

    /** Folder for the stamped copies. */
    @Parameter(property = "marking.stamp.outputDirectory", defaultValue = "${project.build.directory}/marking/stamped")
    private File outputDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Language of messages: {@code zh} or {@code en}. */
    @Parameter(property = "marking.lang")
    private String lang;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("marking: stamp skipped (marking.stamp.skip)");
            return;
        }
        Marking marking = marking(Messages.forLang(lang));
        FormatRegistry formats = FormatRegistry.standard();
        List<ScanTarget> targets = targets(formats);
        if (targets.isEmpty()) {
            getLog().warn("marking: nothing to stamp (configure <files> or <directories>)");
            return;
        }
        Stamper stamper = new Stamper(formats);
        List<String> failed = new ArrayList<>();
        Path out = outputDirectory.toPath();
        for (ScanTarget t : targets) {
            Path dir = t.relative().contains("/") ? out.resolve(t.relative()).getParent() : out;
            try {
                StampOptions options = new StampOptions(marking, DocumentIds.of(formats, t.file()), LocalDate.now(), header,
                        footer, watermark, Optional.ofNullable(font).map(File::toPath));
                Path written = stamper.stamp(t.file(), dir, options);
                getLog().info("marking: stamped " + t.relative() + " -> " + ProjectPaths.shown(basedir, written) + " ("
                        + marking.watermarkText() + ")");
            } catch (DocumentException | IOException e) {
                getLog().error("marking: " + t.file() + ": " + e.getMessage());
                failed.add(t.relative());
            }
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException("marking: " + failed.size() + " of " + targets.size()
                    + " file(s) could not be stamped: " + String.join(", ", failed));
        }
    }

    private Marking marking(Messages messages) throws MojoExecutionException {
        ParsedMark parsed = MarkingSpec.parse(loadPolicy().parser(), level, term);
        if (!parsed.valid()) {
            Message why = parsed.errors().get(0);
            throw new MojoExecutionException("marking: " + messages.format(why.key(), why.args().toArray()));
        }
        Marking m = parsed.marking().orElseThrow();
        try {
            m = m.withIssued(issued == null || issued.isBlank() ? null : LocalDate.parse(issued.strip()));
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("marking: issued must be YYYY-MM-DD, not " + issued, e);
        }
        if (copy != null) {
            if (copy < 1 || copy > CopyNumber.MAX) {
                throw new MojoExecutionException("marking: copy must be between 1 and " + CopyNumber.MAX + ", not " + copy);
            }
            m = m.withCopy(new CopyNumber(copy));
        }
        if (urgency != null && !urgency.isBlank()) {
            m = m.withUrgency(Urgency.parse(urgency).orElseThrow(() -> new MojoExecutionException(
                    "marking: urgency must be 特急 or 加急, not " + urgency)));
        }
        return m;
    }

    private Policy loadPolicy() throws MojoExecutionException {
        return ProjectPolicy.load(policy, basedir);
    }

    private List<ScanTarget> targets(FormatRegistry formats) throws MojoExecutionException {
        List<ScanTarget> targets = new ArrayList<>();
        for (File f : files == null ? List.<File>of() : files) {
            if (!f.isFile()) {
                throw new MojoExecutionException("marking: " + f + ": no such file (see <files>)");
            }
            targets.add(new ScanTarget(f.toPath(), f.getName()));
        }
        List<Path> dirs = new ArrayList<>();
        for (File d : directories == null ? List.<File>of() : directories) {
            if (!d.isDirectory()) {
                throw new MojoExecutionException("marking: " + d + ": no such folder (see <directories>)");
            }
            dirs.add(d.toPath());
        }
        try {
            targets.addAll(new FileSelection(formats, Policy.defaults(),
                    includes == null || includes.isEmpty() ? CheckMojo.DEFAULT_INCLUDES : includes,
                    excludes == null || excludes.isEmpty() ? CheckMojo.DEFAULT_EXCLUDES : excludes).expand(dirs));
        } catch (IOException e) {
            throw new MojoExecutionException("marking: cannot list " + dirs + ": " + e.getMessage(), e);
        }
        return targets;
    }
}
