package dev.marking.core.scan;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FileClass;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Seals;
import dev.marking.core.format.seal.SealInspector;
import dev.marking.core.io.FileKind;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Message;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Checks files: each is first classified by its content and name (DESIGN §1.8); a document is read by its
 * format into a read model and every rule looks at it; what is not a document is skipped when a walk found it.
 * Unreadable, encrypted, unsupported and special files become findings, never exceptions. Files are checked in
 * parallel, each within a time limit ({@link FileTimeLimit}); a rule reports at most {@link #MAX_FINDINGS_PER_RULE}
 * findings in one file and counts the rest in one more.
 */
public final class Scanner {

    /** Findings one rule lists for one file; the rest are counted in one more finding of that rule. */
    public static final int MAX_FINDINGS_PER_RULE = 200;

    private final FormatRegistry formats;
    private final List<Rule> rules;
    private final ScanOptions options;
    private final PolicyFilter filter;
    private final OcrSettings ocr;
    private final FileTimeLimit timeLimit;

    public Scanner(FormatRegistry formats, List<Rule> rules, ScanOptions options) {
        this.formats = formats;
        this.rules = List.copyOf(rules);
        this.options = options;
        this.filter = new PolicyFilter(options.policy(), options.today(), options.messages());
        this.ocr = options.policy().ocrSettings();
        this.timeLimit = new FileTimeLimit(options.fileTimeLimit());
    }

    /** A scanner with the formats given and the built-in rules configured by {@code options.policy()}. */
    public static Scanner forPolicy(FormatRegistry formats, ScanOptions options) {
        return new Scanner(formats, options.policy().rules(RuleRegistry.standard()), options);
    }

    /** The rules this scanner runs. */
    public List<Rule> rules() {
        return rules;
    }

    /** Walks {@code roots} (see {@link FileSelection}) and checks every file in them. */
    public ScanResult scan(List<Path> roots) throws IOException {
        return scan(new FileSelection(options.policy()).select(roots), ScanListener.NONE, ScanCache.disabled()).result();
    }

    /** Checks {@code targets} (see {@link #scan(FileSelection.Selection, ScanListener, ScanCache)}). */
    public ScanOutcome scan(List<ScanTarget> targets, ScanListener listener, ScanCache cache) throws IOException {
        return scan(new FileSelection.Selection(targets, List.of(), List.of()), listener, cache);
    }

    /**
     * Checks what {@code selection} found on {@code options.threads()} threads, telling {@code listener} about each
     * file as it completes; its problems become findings and what it left out stays listed as skipped. A document
     * whose content hash and relative path are in {@code cache} is not read; every other one is read and its result
     * remembered (the caller saves the cache when it wants it kept). Only findings are kept, so memory stays
     * bounded by the files in flight.
     */
    public ScanOutcome scan(FileSelection.Selection selection, ScanListener listener, ScanCache cache)
            throws IOException {
        List<ScanTarget> targets = selection.targets();
        AtomicInteger hits = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), targets.size())));
        try {
            List<Future<Examined>> futures = new ArrayList<>(Collections.nCopies(targets.size(), null));
            // Largest files first, so that no big file starts last and leaves the other threads idle.
            for (int i : largestFirst(targets)) {
                ScanTarget t = targets.get(i);
                futures.set(i, pool.submit(() -> {
                    Examined e = examine(t, true, cache, hits, reads);
                    if (e.result() != null) {
                        listener.fileDone(e.result());
                    }
                    return e;
                }));
            }
            List<FileResult> results = new ArrayList<>();
            List<SkippedFile> skipped = new ArrayList<>(selection.skipped());
            for (WalkProblem p : selection.problems()) {
                FileResult r = problem(p);
                listener.fileDone(r);
                results.add(r);
            }
            for (Future<Examined> f : futures) {
                Examined e = f.get();
                if (e.result() != null) {
                    results.add(e.result());
                } else {
                    skipped.add(e.skipped());
                }
            }
            return new ScanOutcome(new ScanResult(results, skipped, options.policy().sources()), hits.get(), reads.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a rule failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks one file named on its own. */
    public FileResult check(Path file) {
        return check(new ScanTarget(file, display(file)));
    }

    /** Checks one file, whatever it is: what is not a document is reported as such rather than skipped. */
    public FileResult check(ScanTarget target) {
        return examine(target, false, ScanCache.disabled(), new AtomicInteger(), new AtomicInteger()).result();
    }

    /** Runs the rules over an already read model. */
    public FileResult check(String shownPath, String relativePath, ReadModel model) {
        return check(shownPath, relativePath, model, Seals.NONE, List.of());
    }

    /** What a scan did with one target: a result, or (for a walked file that is not a document) a skipped entry. */
    private record Examined(FileResult result, SkippedFile skipped) {
    }

    private Examined examine(ScanTarget target, boolean skipNonDocuments, ScanCache cache, AtomicInteger hits,
            AtomicInteger reads) {
        Path file = target.file();
        FileClass c;
        try {
            FileKind kind = FileKind.of(file);
            if (kind != FileKind.REGULAR) {
                return new Examined(notRegular(display(file), target.relative(), file, kind), null);
            }
            c = formats.classify(file);
        } catch (IOException e) {
            return new Examined(fileFinding(target, "unknown", FileRules.UNREADABLE,
                    options.messages().format("file.unreadable", WalkProblem.reason(e, options.messages())), List.of()), null);
        }
        if (c instanceof FileClass.NotDocument n && skipNonDocuments && target.walked()) {
            return new Examined(null, new SkippedFile(display(file), SkippedFile.Reason.NOT_DOCUMENT,
                    Message.of("kind." + n.kind().id(), n.kind().detail())));
        }
        if (c instanceof FileClass.NotDocument n) {
            return new Examined(fileFinding(target, "unknown", FileRules.UNSUPPORTED, n.describe(options.messages()),
                    List.of()), null);
        }
        if (c instanceof FileClass.Unsupported u) {
            return new Examined(fileFinding(target, "unknown", FileRules.UNSUPPORTED, u.describe(options.messages()),
                    List.of()), null);
        }
        FileClass.Document d = (FileClass.Document) c;
        return new Examined(cache.enabled() ? cached(target, d, cache, hits, reads) : read(target, d, reads), null);
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

    private FileResult cached(ScanTarget target, FileClass.Document d, ScanCache cache, AtomicInteger hits,
            AtomicInteger reads) {
        String sha;
        try {
            sha = contentKey(target);
        } catch (IOException e) {
            // Unreadable now: let the read report it, and remember nothing.
            return read(target, d, reads);
        }
        Optional<FileResult> known = cache.lookup(target.relative(), sha);
        if (known.isPresent()) {
            hits.incrementAndGet();
            FileResult r = known.get();
            String shown = display(target.file());
            return shown.equals(r.path()) ? r : new FileResult(shown, r.format(), r.marking(), r.findings());
        }
        TimedRead r = timedRead(target, d, reads);
        if (!r.pastTheLimit() && sha.equals(hashOrEmpty(target))) {
            // Only remember what was read from the content that was hashed (the file may change meanwhile), and never
            // a stop at the time limit: that says how busy the machine was, not what the file holds.
            cache.put(target.relative(), sha, r.result());
        }
        return r.result();
    }

    private static String hashOrEmpty(ScanTarget target) {
        try {
            return contentKey(target);
        } catch (IOException e) {
            return "";
        }
    }

    /** The content's hash, and its detached signature's when it has one (a new {@code .p7s} changes the result). */
    private static String contentKey(ScanTarget target) throws IOException {
        String sha = Digests.sha256(target.file());
        Optional<Path> seal = SealInspector.detached(target.file());
        return seal.isPresent() ? sha + "+" + Digests.sha256(seal.get()) : sha;
    }

    /**
     * Checks one file given by its content, as if it were a file shown as {@code shown} and named on its own
     * ({@code relative}: its path for the policy); see {@link #check(String, String, String, byte[], boolean)}.
     */
    public FileResult check(String name, String shown, String relative, byte[] content) {
        return check(name, shown, relative, content, false).orElseThrow();
    }

    /**
     * Checks one file given by its content, as if it were a file shown as {@code shown} and found at
     * {@code relative} under a root ({@code walked}) or named on its own: it is classified by its content and
     * name ({@code name}'s last segment) exactly as a scan classifies files, so a walked file that is not a
     * document is skipped (empty), as a scan skips it. The adapters read files, so the content goes to a private
     * temporary file of that name, removed before this returns.
     */
    public Optional<FileResult> check(String name, String shown, String relative, byte[] content, boolean walked) {
        try (ContentFile file = ContentFile.write(name, content)) {
            FileResult r;
            try {
                Examined e = examine(new ScanTarget(file.path(), relative, walked), true, ScanCache.disabled(),
                        new AtomicInteger(), new AtomicInteger());
                if (e.result() == null) {
                    return Optional.empty();
                }
                r = e.result();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // An adapter that crashes on one document fails closed on that document only.
                r = unreadable(name, shown, relative, "reading failed: " + e);
            }
            return Optional.of(file.hidden(r, shown));
        } catch (IOException e) {
            return Optional.of(fileFinding(shown, relative, "unknown", FileRules.UNREADABLE, options.messages().format(
                    "file.unreadable", "cannot stage the content for reading: " + e.getMessage()), List.of()));
        }
    }

    /** The finding for a document whose content could not be had at all ({@code reason}), the policy applied. */
    public FileResult unreadable(String name, String shown, String relative, String reason) {
        String format = formats.forFile(Path.of(ContentFile.safe(name))).map(f -> f.id()).orElse("unknown");
        return fileFinding(shown, relative, format, FileRules.UNREADABLE, options.messages().format("file.unreadable",
                reason), List.of());
    }

    /** Reads and checks a document within the time limit; a file past it is one finding naming the limit. */
    private FileResult read(ScanTarget target, FileClass.Document d, AtomicInteger reads) {
        return timedRead(target, d, reads).result();
    }

    /** What a read within the time limit gave, and whether it was stopped at the limit. */
    private record TimedRead(FileResult result, boolean pastTheLimit) {
    }

    private TimedRead timedRead(ScanTarget target, FileClass.Document d, AtomicInteger reads) {
        FileResult r;
        try (FileTimeLimit.Watch watch = timeLimit.start()) {
            try {
                r = readAndCheck(target, d, reads);
            } catch (CancellationException e) {
                if (!watch.expired()) {
                    throw e; // interrupted by someone else (a pool shutting down): not ours to report
                }
                r = null;
            }
            if (!watch.expired()) {
                return new TimedRead(r, false);
            }
        }
        String why = options.messages().format("input.too-slow", timeLimit.limit().toMillis() / 1000.0);
        return new TimedRead(fileFinding(target, d.format().id(), FileRules.UNREADABLE, options.messages().format(
                FileRules.UNREADABLE.id(), why), List.of()), true);
    }

    /** Reads a document with the format its classification chose; a disagreeing name is a warning. */
    private FileResult readAndCheck(ScanTarget target, FileClass.Document d, AtomicInteger reads) {
        reads.incrementAndGet();
        List<Finding> mismatch = d.misnamed().map(ext -> List.of(new Finding(FileRules.MISMATCH.id(),
                FileRules.MISMATCH.defaultSeverity(), options.messages().format("file.mismatch", ext, d.format().id()),
                Location.FILE, null))).orElse(List.of());
        ReadModel model;
        try {
            model = d.format().read(target.file(), ocr);
        } catch (StackOverflowError e) {
            // a reader without a depth limit of its own: one finding, the scan goes on
            return fileFinding(target, d.format().id(), FileRules.UNREADABLE,
                    options.messages().format(FileRules.UNREADABLE.id(), options.messages().format("input.too-deep")),
                    mismatch);
        } catch (DocumentException e) {
            RuleDescriptor rule = switch (e.kind()) {
                case ENCRYPTED -> FileRules.ENCRYPTED;
                case UNSUPPORTED -> FileRules.UNSUPPORTED;
                default -> FileRules.UNREADABLE;
            };
            return fileFinding(target, d.format().id(), rule, options.messages().format(rule.id(), e.getMessage()),
                    mismatch);
        }
        Seals seals = SealInspector.seals(d.format(), target.file());
        return check(display(target.file()), target.relative(), model, seals, mismatch);
    }

    private FileResult check(String shownPath, String relativePath, ReadModel model, Seals seals,
            List<Finding> fromScanner) {
        MarkingEvidence evidence = MarkingEvidence.of(model, options.parser());
        RuleContext context = new RuleContext(model, evidence, options.today(), options.messages(), relativePath,
                seals);
        List<Finding> findings = new ArrayList<>(fromScanner);
        for (Rule rule : rules) {
            if (Thread.currentThread().isInterrupted()) {
                break; // past the time limit: the caller reports the file as such
            }
            try {
                findings.addAll(capped(rule.check(context)));
            } catch (CancellationException e) {
                break; // a rule stopped at the time limit (Interruption): the caller reports the file as such
            } catch (RuntimeException | StackOverflowError e) {
                // Fail closed on this file only: the rest of the scan goes on.
                findings.add(new Finding(FileRules.UNREADABLE.id(), Severity.ERROR, options.messages().format(
                        "file.unreadable", "rule " + rule.descriptor().id() + " failed: " + e), Location.FILE, null));
            }
        }
        return new FileResult(shownPath, model.format(), evidence.resolved(),
                filter.apply(relativePath, evidence.resolved().isPresent(), findings));
    }

    /** At most {@link #MAX_FINDINGS_PER_RULE} of one rule's findings, and one that counts the rest. */
    private List<Finding> capped(List<Finding> all) {
        if (all.size() <= MAX_FINDINGS_PER_RULE) {
            return all;
        }
        List<Finding> kept = new ArrayList<>(all.subList(0, MAX_FINDINGS_PER_RULE));
        Finding first = all.get(0);
        kept.add(new Finding(first.rule(), first.severity(), options.messages().format("findings.more",
                all.size() - MAX_FINDINGS_PER_RULE, first.rule(), MAX_FINDINGS_PER_RULE), Location.FILE, null));
        return kept;
    }

    /** A finding for what a walk could not take in: a folder it could not open, a special file, a dangling link. */
    FileResult problem(WalkProblem p) {
        ScanTarget t = p.target();
        if (p.kind() == FileKind.FOLDER && p.error() != null) {
            return unopenedFolder(display(t.file()) + "/", t.relative(), p.error());
        }
        return fileFinding(t, "unknown", FileRules.UNREADABLE, p.describe(options.messages()), List.of());
    }

    /**
     * The finding for a folder that could not be opened ({@code error}: why), {@code shown} as reports show it
     * (ending in '/'), {@code relative} its path for the policy's suppressions: for a walk, and for shells that
     * list folders themselves (a Hadoop file system), so both report it alike.
     */
    public FileResult unopenedFolder(String shown, String relative, IOException error) {
        Finding f = new Finding(FileRules.UNREADABLE.id(), FileRules.UNREADABLE.defaultSeverity(),
                options.messages().format("folder.unreadable", WalkProblem.reason(error, options.messages())),
                Location.FILE, null);
        return new FileResult(shown, "folder", Optional.empty(), filter.apply(relative, false, List.of(f)));
    }

    /**
     * The finding for {@code file}, which is not a regular file but {@code kind} (a named pipe, a device, a socket,
     * a link to nothing) and is never opened, shown as {@code shown} with {@code relative} its path for the policy's
     * suppressions: for a scan, and for shells that list folders themselves (a Hadoop file system), so both report
     * it alike.
     */
    public FileResult notRegular(String shown, String relative, Path file, FileKind kind) {
        return fileFinding(shown, relative, "unknown", FileRules.UNREADABLE,
                WalkProblem.notRegular(new ScanTarget(file, relative), kind, options.messages()), List.of());
    }

    /**
     * The warning that include/exclude left out all {@code documents} documents under {@code folder} (e.g.
     * {@code example}) so that nothing was checked ({@code policy.excluded-all}), as the policy's severities say.
     */
    public FileResult excludedAll(Path folder, int documents, String example) {
        Finding f = new Finding(FileRules.EXCLUDED_ALL.id(), FileRules.EXCLUDED_ALL.defaultSeverity(),
                options.messages().format("policy.excluded-all", documents, example), Location.FILE, null);
        return new FileResult(display(folder) + "/", "folder", Optional.empty(), filter.apply("", false, List.of(f)));
    }

    private FileResult fileFinding(ScanTarget target, String format, RuleDescriptor rule, String message,
            List<Finding> more) {
        return fileFinding(display(target.file()), target.relative(), format, rule, message, more);
    }

    private FileResult fileFinding(String shown, String relative, String format, RuleDescriptor rule, String message,
            List<Finding> more) {
        List<Finding> findings = new ArrayList<>(more);
        findings.add(new Finding(rule.id(), rule.defaultSeverity(), message, Location.FILE, null));
        return new FileResult(shown, format, Optional.empty(), filter.apply(relative, false, findings));
    }

    /** The path relative to the working directory when inside it, with '/' separators. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
