package dev.marking.core.engine;

import dev.marking.core.format.FileClass;
import dev.marking.core.io.AtomicFiles;
import dev.marking.core.model.Finding;
import dev.marking.core.report.Baseline;
import dev.marking.core.report.ReportWriter;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.FileSelection;
import dev.marking.core.scan.ScanCache;
import dev.marking.core.scan.ScanListener;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanOutcome;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.ScanTarget;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.SkippedFile;
import dev.marking.core.text.Escapes;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of {@link Engine#verify}: check everything first, then select, scan, baseline, report. */
final class Verification {

    private final Engine engine;
    private final VerifyRequest request;
    private final Messages messages;

    Verification(Engine engine, VerifyRequest request, Messages messages) {
        this.engine = engine;
        this.request = request;
        this.messages = messages;
    }

    VerifyResult run(Writer console) throws EngineException, IOException {
        List<ReportWriter> writers = new ArrayList<>();
        for (ReportTarget t : request.reports()) {
            writers.add(engine.reportWriter(t.format(), messages, request.listSkipped()));
        }
        for (Path p : request.paths()) {
            if (!Files.exists(p)) {
                throw Engine.refused(messages, "path.missing", "input.path-missing", p);
            }
        }
        if (request.threads() < 0) {
            throw Engine.refused(messages, "threads.invalid", "input.threads", request.threads());
        }
        Optional<Baseline> accepted = baseline();
        FileSelection.Selection selection = selection();
        checkOutputs(writers, selection.targets());
        ScanOptions options = ScanOptions.of(request.policy(), request.today() == null ? LocalDate.now() : request.today(),
                messages);
        if (request.threads() > 0) {
            options = options.withThreads(request.threads());
        }
        Scanner scanner = engine.scanner(options);
        ScanCache cache = request.cache() == null ? ScanCache.disabled() : ScanCache.open(request.cache(),
                ScanCache.key(engine.formats(), scanner.rules(), options, engine.version()));
        ScanOutcome outcome = scanner.scan(selection, ScanListener.NONE, cache);
        Optional<String> cacheProblem = save(cache);
        ScanResult all = excludedAll(scanner, shown(outcome.result()));
        Optional<Integer> baselineSize = Optional.empty();
        if (request.writeBaseline() != null) {
            Baseline b = Baseline.of(all);
            b.write(request.writeBaseline());
            baselineSize = Optional.of(b.size());
        }
        ScanResult reported = accepted.map(b -> b.filter(all)).orElse(all);
        List<Path> written = write(writers, reported, console);
        return new VerifyResult(reported, lines(reported), count(all), outcome.fromCache(), outcome.read(), written,
                baselineSize, cacheProblem);
    }

    /**
     * Reports, the baseline written and the cache may replace any file but a document this run reads (or
     * its policy), and no two of them may share a path; refused before anything is read or written.
     */
    private void checkOutputs(List<ReportWriter> writers, List<ScanTarget> targets) throws EngineException {
        OutputPlan plan = new OutputPlan(true, messages);
        request.paths().stream().filter(Files::isRegularFile).forEach(plan::input);
        targets.forEach(t -> plan.input(t.file()));
        Path policy = Path.of(request.policy().source()).toAbsolutePath();
        if (Files.isRegularFile(policy)) {
            plan.input(policy);
        }
        for (int i = 0; i < writers.size(); i++) {
            Optional<Path> file = reportFile(writers.get(i), request.reports().get(i));
            if (file.isPresent()) {
                plan.claim(file.get(), null);
            }
        }
        if (request.writeBaseline() != null) {
            plan.claim(request.writeBaseline(), null);
        }
        if (request.cache() != null) {
            plan.claim(request.cache(), null);
        }
    }

    /** Where a report goes; empty for the console. */
    private static Optional<Path> reportFile(ReportWriter w, ReportTarget t) {
        return switch (t.kind()) {
            case CONSOLE -> Optional.empty();
            case FILE -> Optional.of(t.path());
            case FOLDER -> Optional.of(t.path().resolve("marking." + w.fileExtension()));
        };
    }

    private Optional<Baseline> baseline() throws EngineException {
        Path file = request.baseline();
        if (file == null) {
            return Optional.empty();
        }
        if (!Files.exists(file)) {
            throw Engine.refused(messages, "baseline.missing", "input.baseline-missing", file);
        }
        Engine.requireRegular(messages, file, "baseline.invalid");
        try {
            return Optional.of(Baseline.read(file));
        } catch (IOException e) {
            throw new EngineException("baseline.invalid", e.getMessage(), e);
        }
    }

    private FileSelection.Selection selection() throws IOException {
        FileSelection.Selection found = new FileSelection(request.policy(), request.includes(), request.excludes())
                .select(request.paths(), request.base());
        List<ScanTarget> out = new ArrayList<>();
        for (ScanTarget t : found.targets()) {
            String name = request.names().get(t.file());
            out.add(name == null ? t : t.withRelative(name));
        }
        return new FileSelection.Selection(out, found.skipped(), found.problems());
    }

    /**
     * When include/exclude left out every document and nothing was checked, a warning on the first folder scanned
     * ({@code policy.excluded-all}): a scan that checks nothing must not pass silently.
     */
    private ScanResult excludedAll(Scanner scanner, ScanResult result) {
        boolean checked = result.files().stream().anyMatch(f -> !f.format().equals("folder"));
        Optional<Path> folder = request.paths().stream().filter(Files::isDirectory).findFirst();
        if (checked || folder.isEmpty()) {
            return result;
        }
        List<String> documents = new ArrayList<>();
        for (SkippedFile s : result.skipped()) {
            if (s.reason() == SkippedFile.Reason.EXCLUDED && document(Path.of(s.path()))) {
                documents.add(s.path());
            }
        }
        if (documents.isEmpty()) {
            return result;
        }
        List<FileResult> files = new ArrayList<>(result.files());
        files.add(scanner.excludedAll(folder.get(), documents.size(), documents.get(0)));
        return result.withFiles(files);
    }

    private boolean document(Path file) {
        try {
            return !(engine.formats().classify(file) instanceof FileClass.NotDocument);
        } catch (IOException e) {
            return false;
        }
    }

    /** Results of given files shown under their given names. */
    private ScanResult shown(ScanResult result) {
        if (request.names().isEmpty()) {
            return result;
        }
        List<FileResult> files = new ArrayList<>();
        for (FileResult r : result.files()) {
            String name = null;
            for (Map.Entry<Path, String> e : request.names().entrySet()) {
                if (Scanner.display(e.getKey()).equals(r.path())) {
                    name = e.getValue();
                }
            }
            files.add(name == null ? r : new FileResult(name, r.format(), r.marking(), r.findings()));
        }
        return result.withFiles(files);
    }

    /** A cache that cannot be written only costs the next run a full scan. */
    private static Optional<String> save(ScanCache cache) {
        try {
            cache.save();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write the cache " + cache.file().map(Path::toString).orElse("") + ": " + e);
        }
    }

    private List<Path> write(List<ReportWriter> writers, ScanResult result, Writer console) throws IOException {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            ReportWriter w = writers.get(i);
            ReportTarget t = request.reports().get(i);
            if (t.kind() == ReportTarget.Kind.CONSOLE) {
                w.write(result, console);
                continue;
            }
            Path file = reportFile(w, t).orElseThrow();
            try {
                AtomicFiles.write(file, out -> w.write(result, out));
            } catch (IOException e) {
                throw new IOException("cannot write the " + w.id() + " report " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }

    private List<ReportedFinding> lines(ScanResult result) {
        List<ReportedFinding> out = new ArrayList<>();
        for (FileResult file : result.files()) {
            for (Finding f : file.findings()) {
                out.add(new ReportedFinding(Escapes.visible(file.path()), f.rule(), f.severity(),
                        Escapes.visible(f.message()), Escapes.visible(f.location().describe(messages))));
            }
        }
        return out;
    }

    private static long count(ScanResult result) {
        return result.files().stream().mapToLong(f -> f.findings().size()).sum();
    }
}
