package dev.marking.core.scan;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.FileRules;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Checks files: each is read by its adapter into a read model, then every rule looks at it.
 * Unreadable and encrypted files become findings, never exceptions. Files are checked in parallel.
 */
public final class Scanner {

    private final FormatRegistry formats;
    private final List<Rule> rules;
    private final ScanOptions options;
    private final PolicyFilter filter;

    public Scanner(FormatRegistry formats, List<Rule> rules, ScanOptions options) {
        this.formats = formats;
        this.rules = List.copyOf(rules);
        this.options = options;
        this.filter = new PolicyFilter(options.policy(), options.today(), options.messages());
    }

    /** A scanner with the formats given and the built-in rules configured by {@code options.policy()}. */
    public static Scanner forPolicy(FormatRegistry formats, ScanOptions options) {
        return new Scanner(formats, options.policy().rules(RuleRegistry.standard()), options);
    }

    /** The rules this scanner runs. */
    public List<Rule> rules() {
        return rules;
    }

    /** Walks {@code roots} (see {@link FileSelection}) and checks every supported file. */
    public ScanResult scan(List<Path> roots) throws IOException {
        List<ScanTarget> targets = new FileSelection(formats, options.policy()).expand(roots);
        return scan(targets, ScanListener.NONE, ScanCache.disabled()).result();
    }

    /**
     * Checks {@code targets} on {@code options.threads()} threads, telling {@code listener} about each file
     * as it completes. A file whose content hash and relative path are in {@code cache} is not read; every
     * other file is checked and its result remembered (the caller saves the cache when it wants it kept).
     * Only findings are kept, so memory stays bounded by the files in flight.
     */
    public ScanOutcome scan(List<ScanTarget> targets, ScanListener listener, ScanCache cache) throws IOException {
        AtomicInteger hits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), targets.size())));
        try {
            List<Future<FileResult>> futures = new ArrayList<>(Collections.nCopies(targets.size(), null));
            // Largest files first, so that no big file starts last and leaves the other threads idle.
            for (int i : largestFirst(targets)) {
                ScanTarget t = targets.get(i);
                futures.set(i, pool.submit(() -> {
                    FileResult r = cache.enabled() ? cached(t, cache, hits) : check(t);
                    listener.fileDone(r);
                    return r;
                }));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> f : futures) {
                results.add(f.get());
            }
            return new ScanOutcome(new ScanResult(results), hits.get(), results.size() - hits.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a rule failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The indexes of {@code targets}, largest file first (unreadable sizes count as empty). */
    private static List<Integer> largestFirst(List<ScanTarget> targets) {
        long[] sizes = new long[targets.size()];
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Files.size(targets.get(i).file());
            } catch (IOException e) {
                sizes[i] = 0;
            }
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, sizes.length).boxed().toList());
        order.sort(Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
        return order;
    }

    private FileResult cached(ScanTarget target, ScanCache cache, AtomicInteger hits) {
        if (!Files.isRegularFile(target.file())) {
            return check(target);
        }
        String sha;
        try {
            sha = Digests.sha256(target.file());
        } catch (IOException e) {
            // Unreadable now: let the check report it, and remember nothing.
            return check(target);
        }
        Optional<FileResult> known = cache.lookup(target.relative(), sha);
        if (known.isPresent()) {
            hits.incrementAndGet();
            FileResult r = known.get();
            String shown = display(target.file());
            return shown.equals(r.path()) ? r : new FileResult(shown, r.format(), r.marking(), r.findings());
        }
        FileResult r = check(target);
        if (sha.equals(hashOrEmpty(target))) {
            // Only remember what was read from the content that was hashed (the file may change meanwhile).
            cache.put(target.relative(), sha, r);
        }
        return r;
    }

    private static String hashOrEmpty(ScanTarget target) {
        try {
            return Digests.sha256(target.file());
        } catch (IOException e) {
            return "";
        }
    }

    /** Checks one file named on its own. */
    public FileResult check(Path file) {
        return check(new ScanTarget(file, display(file)));
    }

    /** Checks one file found under a root. */
    public FileResult check(ScanTarget target) {
        Path file = target.file();
        String shown = display(file);
        Optional<DocumentFormat> format = formats.forFile(file);
        if (format.isEmpty()) {
            return fileFinding(target, "unknown", FileRules.UNREADABLE, "file.unreadable",
                    "unsupported file type (marking reads " + formats.extensionList() + ")");
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO or a device would block or never end: only regular files are opened.
            return fileFinding(target, format.get().id(), FileRules.UNREADABLE, "file.unreadable",
                    options.messages().format("input.not-regular"));
        }
        ReadModel model;
        try {
            model = format.get().read(file);
        } catch (StackOverflowError e) {
            return fileFinding(target, format.get().id(), FileRules.UNREADABLE, "file.unreadable",
                    options.messages().format("input.too-deep"));
        } catch (DocumentException e) {
            boolean encrypted = e.kind() == DocumentException.Kind.ENCRYPTED;
            return fileFinding(target, format.get().id(), encrypted ? FileRules.ENCRYPTED : FileRules.UNREADABLE,
                    encrypted ? "file.encrypted" : "file.unreadable", e.getMessage());
        }
        return check(shown, target.relative(), model);
    }

    /** Runs the rules over an already read model. */
    public FileResult check(String shownPath, String relativePath, ReadModel model) {
        MarkingEvidence evidence = MarkingEvidence.of(model, options.parser());
        RuleContext context = new RuleContext(model, evidence, options.today(), options.messages(), relativePath);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            try {
                findings.addAll(rule.check(context));
            } catch (RuntimeException | StackOverflowError e) {
                // Fail closed on this file only: the rest of the scan goes on.
                findings.add(new Finding(FileRules.UNREADABLE.id(), Severity.ERROR, options.messages().format(
                        "file.unreadable", "rule " + rule.descriptor().id() + " failed: " + e), Location.FILE, null));
            }
        }
        return new FileResult(shownPath, model.format(), evidence.resolved(),
                filter.apply(relativePath, evidence.resolved().isPresent(), findings));
    }

    private FileResult fileFinding(ScanTarget target, String format, RuleDescriptor rule, String key, String reason) {
        Finding f = new Finding(rule.id(), rule.defaultSeverity(), options.messages().format(key, reason),
                Location.FILE, null);
        return new FileResult(display(target.file()), format, Optional.empty(),
                filter.apply(target.relative(), false, List.of(f)));
    }

    /** The path relative to the working directory when inside it, with '/' separators. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
