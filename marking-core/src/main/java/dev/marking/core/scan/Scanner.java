package dev.marking.core.scan;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.rules.FileRules;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks files: each is read by its adapter into a read model, then every rule looks at it.
 * Unreadable and encrypted files become findings, never exceptions. Files are checked in parallel.
 */
public final class Scanner {

    private final FormatRegistry formats;
    private final List<Rule> rules;
    private final ScanOptions options;

    public Scanner(FormatRegistry formats, List<Rule> rules, ScanOptions options) {
        this.formats = formats;
        this.rules = List.copyOf(rules);
        this.options = options;
    }

    /** Walks {@code roots} and checks every supported file. */
    public ScanResult scan(List<Path> roots) throws IOException {
        List<Path> files = new FileWalker(formats).expand(roots);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), files.size())));
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> check(f)));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> fut : futures) {
                results.add(fut.get());
            }
            return new ScanResult(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a rule failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks one file. */
    public FileResult check(Path file) {
        String shown = display(file);
        Optional<DocumentFormat> format = formats.forFile(file);
        if (format.isEmpty()) {
            return fileFinding(shown, "unknown", FileRules.UNREADABLE, "file.unreadable",
                    "unsupported file type (marking reads .docx, .pdf, .txt and .md)");
        }
        ReadModel model;
        try {
            model = format.get().read(file);
        } catch (DocumentException e) {
            boolean encrypted = e.kind() == DocumentException.Kind.ENCRYPTED;
            return fileFinding(shown, format.get().id(), encrypted ? FileRules.ENCRYPTED : FileRules.UNREADABLE,
                    encrypted ? "file.encrypted" : "file.unreadable", e.getMessage());
        }
        return check(shown, model);
    }

    /** Runs the rules over an already read model. */
    public FileResult check(String shownPath, ReadModel model) {
        MarkingEvidence evidence = MarkingEvidence.of(model, options.parser());
        RuleContext context = new RuleContext(model, evidence, options.today(), options.messages());
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(context));
        }
        return new FileResult(shownPath, model.format(), evidence.resolved(), findings);
    }

    private FileResult fileFinding(String shown, String format, RuleDescriptor rule, String key, String reason) {
        Finding f = new Finding(rule.id(), rule.defaultSeverity(), options.messages().format(key, reason),
                Location.FILE, null);
        return new FileResult(shown, format, Optional.empty(), List.of(f));
    }

    /** The path relative to the working directory when inside it, with '/' separators. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
