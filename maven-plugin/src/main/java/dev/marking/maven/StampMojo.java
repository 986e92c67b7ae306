package dev.marking.maven;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.MarkingInput;
import dev.marking.core.engine.SignWith;
import dev.marking.core.engine.StampRequest;
import dev.marking.core.engine.StampResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
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

    /** Globs of files to stamp under {@code directories}; default every file a format reads. */
    @Parameter
    private List<String> includes;

    /** Globs of files to leave out under {@code directories} (VCS, IDE and {@code target} folders are never walked). */
    @Parameter
    private List<String> excludes;

    /** Folder for the stamped copies. */
    @Parameter(property = "marking.stamp.outputDirectory", defaultValue = "${project.build.directory}/marking/stamped")
    private File outputDirectory;

    /**
     * Replace files in the output folder that have an output's name (the folder is the build's own, so by
     * default yes); inputs are never overwritten.
     */
    @Parameter(property = "marking.stamp.overwrite", defaultValue = "true")
    private boolean overwrite;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /**
     * Policy file, for its levels and its script ({@code marking.script: traditional} stamps 機密★5年); default
     * {@code $MARKING_POLICY}, else {@code marking.yml} in the project folder, else built-in.
     */
    @Parameter(property = "marking.policy")
    private File policy;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Language of messages: {@code zh} or {@code en}. */
    @Parameter(property = "marking.lang")
    private String lang;

    /**
     * Seal every stamped file with the key in this PKCS#12 keystore (DESIGN §1.10): a PAdES signature in a PDF, the
     * package signature of DOCX/XLSX/PPTX, a detached {@code name.p7s} beside other files. Needs {@code signPasswordEnv}.
     */
    @Parameter(property = "marking.sign")
    private File sign;

    /** The key's alias in the keystore (default: its only key). */
    @Parameter(property = "marking.signAlias")
    private String signAlias;

    /**
     * The name of the environment variable holding the keystore password (e.g. {@code MARKING_KEY_PASSWORD}, set by
     * the CI's secret store). The password itself is never a parameter: not in the POM, not on the command line.
     */
    @Parameter(property = "marking.signPasswordEnv")
    private String signPasswordEnv;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("marking: stamp skipped (marking.stamp.skip)");
            return;
        }
        SignWith key = signWith(sign, signAlias, signPasswordEnv, System::getenv);
        List<Path> paths = new ArrayList<>();
        (files == null ? List.<File>of() : files).forEach(f -> paths.add(f.toPath()));
        (directories == null ? List.<File>of() : directories).forEach(d -> paths.add(d.toPath()));
        if (paths.isEmpty()) {
            getLog().warn("marking: nothing to stamp (configure <files> or <directories>)");
            return;
        }
        Engine engine = Engine.standard(plugin.getVersion());
        StampResult result;
        try {
            MarkingInput marking = new MarkingInput(level, term, issued, copy == null ? null : copy.toString(), urgency,
                    null);
            StampRequest request = StampRequest.of(paths, outputDirectory.toPath(), marking)
                    .withPolicy(engine.projectPolicy(policy == null ? null : policy.toPath(), basedir.toPath())).withLang(lang)
                    .withParts(header, footer, watermark).withFont(font == null ? null : font.toPath())
                    .withSelection(orEmpty(includes), orEmpty(excludes)).withOverwrite(overwrite).withSign(key);
            result = engine.stamp(request);
        } catch (EngineException e) {
            throw new MojoExecutionException("marking: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("marking: cannot stamp: " + e.getMessage(), e);
        }
        for (StampResult.StampedFile f : result.files()) {
            if (f.failure().isPresent()) {
                getLog().error("marking: " + f.shown() + ": " + f.failure().get().message());
            } else {
                getLog().info("marking: stamped " + f.relative() + " -> " + ProjectPaths.shown(basedir, f.written().get(0))
                        + " (" + result.watermarkText() + (key == null ? "" : ", signed") + ")");
            }
        }
        if (result.files().isEmpty()) {
            getLog().warn("marking: nothing to stamp under " + paths);
        }
        if (!result.allStamped()) {
            throw new MojoFailureException("marking: " + result.failed().size() + " of " + result.files().size()
                    + " file(s) could not be stamped: "
                    + String.join(", ", result.failed().stream().map(StampResult.StampedFile::relative).toList()));
        }
    }

    /**
     * The signing key {@code sign} names, its password read from the variable {@code passwordEnv} names in {@code env};
     * null when {@code sign} is not set.
     */
    static SignWith signWith(File sign, String alias, String passwordEnv, UnaryOperator<String> env)
            throws MojoFailureException {
        if (sign == null) {
            if (alias != null || passwordEnv != null) {
                throw new MojoFailureException("marking: signAlias and signPasswordEnv need sign (the PKCS#12 keystore)");
            }
            return null;
        }
        if (passwordEnv == null || passwordEnv.isBlank()) {
            throw new MojoFailureException("marking: sign needs signPasswordEnv, the name of the environment variable "
                    + "holding the keystore password (the password itself is never a parameter)");
        }
        String password = env.apply(passwordEnv);
        if (password == null) {
            throw new MojoFailureException("marking: signPasswordEnv " + passwordEnv + ": the environment variable is not"
                    + " set (export it before running Maven, e.g. from the CI's secret store)");
        }
        return new SignWith(sign.toPath(), alias, password.toCharArray());
    }

    private static List<String> orEmpty(List<String> given) {
        return given == null ? List.of() : given;
    }
}
