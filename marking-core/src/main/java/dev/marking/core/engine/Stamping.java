package dev.marking.core.engine;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FileClass;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.Layout;
import dev.marking.core.format.SealKey;
import dev.marking.core.format.StampOptions;
import dev.marking.core.io.AtomicFiles;
import dev.marking.core.io.FileKind;
import dev.marking.core.ledger.Approvals;
import dev.marking.core.ledger.CopyIssuer;
import dev.marking.core.ledger.CopyRequest;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerStore;
import dev.marking.core.ledger.Outputs;
import dev.marking.core.ledger.Recipient;
import dev.marking.core.ledger.RecipientList;
import dev.marking.core.ledger.RecipientsException;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Message;
import dev.marking.core.policy.Policy;
import dev.marking.core.engine.StampResult.Failure;
import dev.marking.core.engine.StampResult.StampedFile;
import dev.marking.core.scan.DocumentIds;
import dev.marking.core.scan.FileSelection;
import dev.marking.core.scan.ScanTarget;
import dev.marking.core.scan.Stamper;
import dev.marking.core.scan.WalkProblem;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of {@link Engine#stamp}: one copy per file, or numbered copies registered in a ledger. Every
 * output path is planned and checked before the first file is written ({@link OutputPlan}): a run that
 * would overwrite an input, write two outputs to one path, or replace an existing file without
 * {@link StampRequest#overwrite()} is refused whole, having written nothing.
 */
final class Stamping {

    private final FormatRegistry formats;
    private final StampRequest request;
    private final Messages messages;
    private final Optional<LedgerStore> store;
    private final Map<Path, StampOptions> options = new HashMap<>();
    /** The key every stamped file is sealed with, opened once before anything is written; empty: unsigned. */
    private Optional<SealKey> seal = Optional.empty();

    Stamping(FormatRegistry formats, StampRequest request, Messages messages, Optional<LedgerStore> store) {
        this.formats = formats;
        this.request = request;
        this.messages = messages;
        this.store = store;
    }

    StampResult run(Marking marking, CopyProgress progress) throws EngineException, IOException {
        Layout layout = layout();
        seal = sealKey();
        List<Recipient> people = recipients();
        Optional<CopyRequest> copies = copies(marking, people.size());
        List<StampedFile> out = new ArrayList<>();
        List<Unit> units = units(out);
        // Checked before the plan: a file that is refused (a pipe, a misnamed document) claims no output.
        Map<Unit, Optional<Failure>> refusals = new LinkedHashMap<>();
        for (Unit u : units) {
            refusals.put(u, refusal(u.file()));
        }
        removeAbandoned(units);
        OutputPlan plan = plan(units.stream().filter(u -> refusals.get(u).isEmpty()).toList(), marking, layout, copies,
                people);
        List<String> notes = new ArrayList<>();
        for (Unit u : units) {
            Optional<Failure> refused = refusals.get(u);
            if (refused.isPresent()) {
                out.add(failed(u, refused.get()));
            } else if (copies.isPresent()) {
                out.add(numbered(u, marking, layout, copies.get(), people, plan, notes, progress));
            } else {
                out.add(single(u, marking, layout));
            }
        }
        return new StampResult(marking.mark(), marking.watermarkText(), out, notes);
    }

    /** Every recipient, checked before the first copy is made: a bad row stops the run with nothing written. */
    private List<Recipient> recipients() throws EngineException {
        if (request.recipients() == null) {
            return List.of();
        }
        try {
            return RecipientList.read(request.recipients());
        } catch (RecipientsException e) {
            throw new EngineException("recipients.invalid", messages.format(e.why().key(), e.why().args().toArray()), e);
        }
    }

    /**
     * Why {@code file} is not stamped, checked before anything is read: not a regular file (a named pipe would
     * block), a name that disagrees with the content (stamping a PDF as text would wreck it), or not a document a
     * format reads.
     */
    private Optional<Failure> refusal(Path file) {
        try {
            FileKind kind = FileKind.of(file);
            if (kind == FileKind.MISSING) {
                return Optional.of(new Failure("file.unreadable", messages.format("io.missing")));
            }
            if (kind != FileKind.REGULAR) {
                return Optional.of(new Failure("file.unreadable", new WalkProblem(new ScanTarget(file, file.toString()),
                        kind, null).describe(messages)));
            }
            FileClass c = formats.classify(file);
            if (c instanceof FileClass.Document d && d.misnamed().isPresent()) {
                return Optional.of(new Failure("file.mismatch", messages.format("stamp.mismatch", d.misnamed().get(),
                        d.format().id())));
            }
            if (c instanceof FileClass.Unsupported u) {
                return Optional.of(new Failure("file.unsupported", u.describe(messages)));
            }
            if (c instanceof FileClass.NotDocument n) {
                return Optional.of(new Failure("file.unsupported", n.describe(messages)));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Failure("file.unreadable", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /**
     * The numbered copies asked for (one per recipient when only recipients are given), checked before
     * anything is written; empty for one copy per file.
     */
    private Optional<CopyRequest> copies(Marking marking, int recipients) throws EngineException {
        if (request.approved() != null && (request.approved() < 1 || request.approved() > CopyNumber.MAX)) {
            throw Engine.refused(messages, "approved.invalid", "input.approved", request.approved());
        }
        if (!request.numbered()) {
            if (request.approved() != null) {
                throw Engine.refused(messages, "approved.alone", "input.approved-alone");
            }
            return Optional.empty();
        }
        if (marking.copy().isPresent()) {
            throw Engine.refused(messages, "copies.conflict", "input.copy-and-copies");
        }
        if (store.isEmpty()) {
            throw Engine.refused(messages, "ledger.required", "input.ledger-required");
        }
        if (request.copies() == null) {
            return Optional.of(new CopyRequest(0, 0, recipients));
        }
        Optional<CopyRequest> parsed = CopyRequest.parse(request.copies());
        if (parsed.isEmpty()) {
            throw Engine.refused(messages, "copies.invalid", "input.copies", request.copies());
        }
        return parsed;
    }

    /** The signing key asked for, opened now: a wrong password or alias refuses the run before any file is written. */
    private Optional<SealKey> sealKey() throws EngineException {
        SignWith sign = request.sign();
        if (sign == null) {
            return Optional.empty();
        }
        return Optional.of(Engine.sealKey(sign, request.policy(), messages));
    }

    /** The layout asked for; {@link Layout#KEEP} when none is. */
    private Layout layout() throws EngineException {
        if (request.layout() == null) {
            return Layout.KEEP;
        }
        Optional<Layout> l = Layout.of(request.layout());
        if (l.isEmpty()) {
            throw Engine.refused(messages, "layout.invalid", "input.layout", request.layout());
        }
        return l.get();
    }

    /** A file to stamp and the folder its copy goes to. */
    private record Unit(Path file, String relative, Path outDir) {
    }

    /**
     * Files given are stamped into the output folder; files under a folder keep their path relative to
     * it. Which files a folder gives is the caller's choice (its globs), not the policy's include/exclude,
     * which is about checking; of those, the ones a format names are stamped. What the walk could not take in
     * (a folder it cannot open, a named pipe) goes to {@code refused}, one line each.
     */
    private List<Unit> units(List<StampedFile> refused) throws IOException {
        FileSelection selection = new FileSelection(Policy.defaults(), request.includes(), request.excludes());
        List<Unit> out = new ArrayList<>();
        for (Path p : request.paths()) {
            if (FileKind.of(p) != FileKind.FOLDER) {
                out.add(new Unit(p, String.valueOf(p.getFileName()), request.outDir()));
                continue;
            }
            FileSelection.Selection found = selection.select(List.of(p));
            for (WalkProblem problem : found.problems()) {
                refused.add(failed(new Unit(problem.target().file(), problem.target().relative(), request.outDir()),
                        new Failure("file.unreadable", problem.describe(messages))));
            }
            for (ScanTarget t : found.targets()) {
                if (formats.forFile(t.file()).isEmpty()) {
                    continue;
                }
                Path dir = t.relative().contains("/") ? request.outDir().resolve(t.relative()).getParent() : request.outDir();
                out.add(new Unit(t.file(), t.relative(), dir));
            }
        }
        return out;
    }

    /** Temporary files of ended runs go from every folder this run writes to, even when it is then refused. */
    private void removeAbandoned(List<Unit> units) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(request.outDir());
        units.forEach(u -> dirs.add(u.outDir()));
        for (Path d : dirs) {
            AtomicFiles.removeAbandoned(d);
        }
    }

    /** Every file this run reads is an input; every output is claimed, so a refusal comes before any write. */
    private OutputPlan plan(List<Unit> units, Marking marking, Layout layout, Optional<CopyRequest> copies,
            List<Recipient> people) throws EngineException, IOException {
        OutputPlan plan = new OutputPlan(request.overwrite(), messages);
        units.forEach(u -> plan.input(u.file()));
        plan.input(request.recipients());
        store.flatMap(LedgerStore::file).ifPresent(plan::input);
        plan.input(request.font());
        policyFile().ifPresent(plan::input);
        Ledger ledger = copies.isPresent() ? store.orElseThrow().read() : null;
        for (Unit u : units) {
            for (Path target : targets(u, marking, layout, copies, people, ledger)) {
                if (copies.isPresent()) {
                    // Another run may be writing these numbers now; a file it writes is reserved in the ledger
                    // first, so only a file the ledger does not know is refused here (again under the lock).
                    plan.reserve(target, u.file());
                    if (!request.overwrite() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                            && !inLedger(target)) {
                        throw Engine.refused(messages, "output.exists", "output.exists", target);
                    }
                } else {
                    plan.claim(target, u.file());
                }
            }
        }
        return plan;
    }

    /** True when the ledger, read now, has a line about {@code target}. */
    private boolean inLedger(Path target) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        String name = String.valueOf(t.getFileName());
        return store.orElseThrow().read().lines().stream().anyMatch(e -> name.equals(e.file())
                && (e.folder() == null || Path.of(e.folder()).resolve(e.file()).equals(t)));
    }

    private Optional<Path> policyFile() {
        try {
            Path p = Path.of(request.policy().source());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The files {@code u} would give, numbered copies as the ledger stands now. */
    private List<Path> targets(Unit u, Marking marking, Layout layout, Optional<CopyRequest> copies,
            List<Recipient> people, Ledger ledger) throws IOException, EngineException {
        Optional<DocumentFormat> format = formats.forFile(u.file());
        if (format.isEmpty()) {
            return List.of();
        }
        String extension = Stamper.outputExtension(format.get(), u.file());
        if (copies.isEmpty()) {
            return List.of(u.outDir().resolve(Stamper.outputName(u.file(), marking, null, extension)));
        }
        if (!people.isEmpty() && people.size() != copies.get().count()) {
            return List.of();
        }
        StampOptions base = options(u.file(), marking, layout);
        Optional<Message> unapproved = Approvals.refusal(ledger, base.markingId(), copies.get().count(), request.approved());
        if (unapproved.isPresent()) {
            throw new EngineException("copies.unapproved", u.relative() + ": " + words(unapproved.get()));
        }
        Optional<List<CopyNumber>> numbers = CopyIssuer.plannedNumbers(copies.get(), ledger, base.markingId());
        return numbers.map(n -> CopyIssuer.targets(u.file(), u.outDir(), base, n, people, extension))
                .orElse(List.of());
    }

    /** The stamp options of {@code file}; its document id is read once (planning and stamping share it). */
    private StampOptions options(Path file, Marking marking, Layout layout) throws IOException {
        StampOptions known = options.get(file);
        if (known != null) {
            return known;
        }
        StampOptions o = new StampOptions(marking, Files.isRegularFile(file) ? DocumentIds.of(formats, file) : "",
                request.stampDate() == null ? LocalDate.now() : request.stampDate(), request.header(), request.footer(),
                request.watermark(), Optional.ofNullable(request.font()), request.block(), layout, request.convert(),
                seal);
        options.put(file, o);
        return o;
    }

    private StampedFile single(Unit u, Marking marking, Layout layout) {
        try {
            StampOptions options = options(u.file(), marking, layout);
            Set<Message> notes = new LinkedHashSet<>();
            Path written = new Stamper(formats).stamp(u.file(), u.outDir(), options, request.overwrite(), notes::add);
            return new StampedFile(u.file(), u.relative(), List.of(written), List.of(), options.metadata(),
                    Optional.empty(), texts(notes));
        } catch (DocumentException e) {
            return failed(u, new Failure(code(e), e.getMessage()));
        } catch (FileAlreadyExistsException e) {
            return failed(u, new Failure("output.exists", messages.format("output.exists", e.getFile())));
        } catch (IOException e) {
            return failed(u, new Failure("file.unreadable", e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(u, new Failure("file.unreadable", messages.format("input.failed", e.getClass().getSimpleName())));
        }
    }

    private StampedFile numbered(Unit u, Marking marking, Layout layout, CopyRequest numbers, List<Recipient> people,
            OutputPlan plan, List<String> runNotes, CopyProgress progress) throws IOException {
        int threads = request.threads() > 0 ? request.threads() : Runtime.getRuntime().availableProcessors();
        Outputs outputs = new PlannedOutputs(plan, u.file(), request.overwrite());
        Set<Message> notes = Collections.synchronizedSet(new LinkedHashSet<>());
        try (CopyProgress.Tracker tracker = progress.start(u.file(), numbers.count())) {
            CopyIssuer issuer = new CopyIssuer(formats, threads, notes::add).approved(request.approved(),
                    request.approvedBy() == null ? System.getProperty("user.name") : request.approvedBy(), this::words);
            CopyIssuer.Batch batch = issuer.issue(u.file(), u.outDir(),
                    options(u.file(), marking, layout), numbers, people, store.orElseThrow(), outputs,
                    tracker);
            runNotes.addAll(batch.notes());
            List<CopyIssuer.Issued> issued = batch.copies();
            return new StampedFile(u.file(), u.relative(), issued.stream().map(CopyIssuer.Issued::file).toList(),
                    issued.stream().map(i -> i.copy().formatted()).toList(), Map.of(), Optional.empty(), texts(notes));
        } catch (DocumentException e) {
            return failed(u, new Failure(code(e), e.getMessage()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(u, new Failure("file.unreadable", messages.format("input.failed", e.getClass().getSimpleName())));
        }
    }

    /** The plan's rules for the copies a ledger hands out under its lock (numbers may have moved on meanwhile). */
    private record PlannedOutputs(OutputPlan plan, Path source, boolean replaceExisting) implements Outputs {

        @Override
        public Optional<String> refusal(Path target) {
            try {
                plan.check(target, source);
                return Optional.empty();
            } catch (EngineException e) {
                return Optional.of(e.getMessage());
            }
        }
    }

    private static StampedFile failed(Unit u, Failure why) {
        return new StampedFile(u.file(), u.relative(), List.of(), List.of(), Map.of(), Optional.of(why), List.of());
    }

    private String words(Message m) {
        return messages.format(m.key(), m.args().toArray());
    }

    /** The notes in the request's language, in the order first heard. */
    private List<String> texts(Set<Message> notes) {
        synchronized (notes) {
            return notes.stream().map(n -> messages.format(n.key(), n.args().toArray())).toList();
        }
    }

    /** The stable code of a document failure ({@code file.encrypted}, …). */
    static String code(DocumentException e) {
        return switch (e.kind()) {
            case ENCRYPTED -> "file.encrypted";
            case UNSUPPORTED -> "file.unsupported";
            default -> "file.unreadable";
        };
    }
}
