package dev.marking.core.ledger;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.convert.OfficeConverter;
import dev.marking.core.format.convert.StampSource;
import dev.marking.core.io.AtomicFiles;
import dev.marking.core.ledger.LedgerEntry.State;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Message;
import dev.marking.core.scan.Stamper;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Issues numbered copies of one document (DESIGN §1.4) under the ledger's lock: settles what a stopped
 * run left ({@link Recovery}), reserves every number of the batch before writing anything, then for each
 * copy stamps a private temporary file, stages it (its hash in the ledger), renames it into place and
 * confirms it. Whenever the run stops, every number it took is in the ledger, and every file it put in
 * place is staged there with its hash, so the next run confirms or voids each one; no number is issued
 * twice or goes unrecorded.
 */
public final class CopyIssuer {

    private final FormatRegistry formats;
    private final int threads;
    private final Supplier<Optional<OfficeConverter>> converters;
    private final Consumer<Message> notes;
    private final Integer approved;
    private final String approvedBy;
    private final Function<Message, String> words;

    public CopyIssuer(FormatRegistry formats, int threads) {
        this(formats, threads, OfficeConverter::find, note -> { });
    }

    /**
     * An issuer that tells {@code notes} what the user should know about the copies it stamps (pages
     * shrunk to make room, an earlier marking removed), each note once though every copy reports it.
     */
    public CopyIssuer(FormatRegistry formats, int threads, Consumer<Message> notes) {
        this(formats, threads, OfficeConverter::find, notes);
    }

    /** An issuer that finds the converter for legacy formats through {@code converters}. */
    public CopyIssuer(FormatRegistry formats, int threads, Supplier<Optional<OfficeConverter>> converters) {
        this(formats, threads, converters, note -> { });
    }

    /** An issuer with both: where the converter comes from and who hears the notes. */
    public CopyIssuer(FormatRegistry formats, int threads, Supplier<Optional<OfficeConverter>> converters,
            Consumer<Message> notes) {
        this(formats, threads, converters, notes, null, null, m -> Messages.forLang(null).format(m.key(),
                m.args().toArray()));
    }

    private CopyIssuer(FormatRegistry formats, int threads, Supplier<Optional<OfficeConverter>> converters,
            Consumer<Message> notes, Integer approved, String approvedBy, Function<Message, String> words) {
        this.formats = formats;
        this.threads = Math.max(1, threads);
        this.converters = converters;
        this.notes = notes;
        this.approved = approved;
        this.approvedBy = approvedBy;
        this.words = words;
    }

    /**
     * This issuer for a run that states the approved number of copies ({@code count}, null for none) given by
     * {@code by}; a refusal is worded by {@code words}. Copies beyond the approval in force are refused
     * under the ledger's lock ({@link Approvals}).
     */
    public CopyIssuer approved(Integer count, String by, Function<Message, String> wording) {
        return new CopyIssuer(formats, threads, converters, notes, count, by, wording);
    }

    /** One issued copy. */
    public record Issued(CopyNumber copy, Recipient recipient, Path file, String sha256) {
    }

    /**
     * What a batch did.
     *
     * @param copies the issued copies, in number order
     * @param notes  what was repaired or recovered in the ledger on the way, for the user
     */
    public record Batch(List<Issued> copies, List<String> notes) {

        public Batch {
            copies = List.copyOf(copies);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Stamps {@code request}'s copies of {@code source} into {@code outDir} as new files, registered in the
     * JSON-lines ledger {@code ledgerFile}; see {@link #issue(Path, Path, StampOptions, CopyRequest, List,
     * LedgerStore, Outputs, IntConsumer)}.
     */
    public List<Issued> issue(Path source, Path outDir, StampOptions base, CopyRequest request,
            List<Recipient> recipients, Path ledgerFile, IntConsumer progress) throws DocumentException, IOException {
        return issue(source, outDir, base, request, recipients, LedgerStore.file(ledgerFile), Outputs.NEW_FILES_ONLY,
                progress).copies();
    }

    /**
     * Stamps {@code request}'s copies of {@code source} into {@code outDir}, one recipient per copy when
     * {@code recipients} is not empty (then its size must equal the number of copies).
     *
     * @param outputs  which output files may be written (checked for every copy before any is reserved)
     * @param progress told the count of finished copies after each one
     */
    public Batch issue(Path source, Path outDir, StampOptions base, CopyRequest request, List<Recipient> recipients,
            LedgerStore store, Outputs outputs, IntConsumer progress) throws DocumentException, IOException {
        DocumentFormat format = formats.forFile(source).orElseThrow(() -> new DocumentException(source,
                DocumentException.Kind.UNSUPPORTED, "unsupported file type (marking stamps " + formats.extensionList() + ")"));
        if (!recipients.isEmpty() && recipients.size() != request.count()) {
            throw new DocumentException(source, DocumentException.Kind.REFUSED, recipients.size()
                    + " recipients for " + request.count() + " copies: give one recipient per copy");
        }
        Files.createDirectories(outDir);
        AtomicFiles.removeAbandoned(outDir);
        try (LedgerSession ledger = store.lock()) {
            List<String> repairs = new ArrayList<>(ledger.repairs());
            repairs.addAll(Recovery.settle(ledger));
            List<CopyNumber> numbers = numbers(source, base, request, ledger.ledger(), store);
            Optional<Message> unapproved = Approvals.refusal(ledger.ledger(), base.markingId(), numbers.size(), approved);
            if (unapproved.isPresent()) {
                throw new DocumentException(source, DocumentException.Kind.REFUSED, words.apply(unapproved.get()));
            }
            List<LedgerEntry> approval = Approvals.toRecord(ledger.ledger(), base.markingId(), approved, approvedBy,
                    Instant.now().toString()).stream().toList();
            List<Path> targets = targets(source, outDir, base, numbers, recipients,
                    StampSource.extension(format, source));
            for (Path t : targets) {
                Optional<String> refused = outputs.refusal(t);
                if (refused.isPresent()) {
                    throw new DocumentException(source, DocumentException.Kind.REFUSED, refused.get());
                }
            }
            try (StampSource input = StampSource.open(formats, format, source, base.convert(), converters)) {
                PreparedSource prepared = input.format().prepare(input.file(),
                        recipients.stream().map(Recipient::label).toList());
                Set<Message> said = ConcurrentHashMap.newKeySet();
                Consumer<Message> once = m -> {
                    if (said.add(m)) {
                        notes.accept(m);
                    }
                };
                List<LedgerEntry> reserved = reservations(base, numbers, recipients, targets);
                List<LedgerEntry> first = new ArrayList<>(approval);
                first.addAll(reserved);
                ledger.append(first);
                boolean finished = false;
                try {
                    Batch batch = new Batch(stampAll(new Prepared(input.format(), prepared), base, reserved, recipients, ledger,
                            outputs.replaceExisting(), once, progress), repairs);
                    finished = true;
                    return batch;
                } finally {
                    if (!finished) {
                        settleAfterFailure(ledger);
                    }
                }
            }
        }
    }

    /** The numbers to issue, given those the ledger already took for the document. */
    private static List<CopyNumber> numbers(Path source, StampOptions base, CopyRequest request, Ledger ledger,
            LedgerStore store) throws DocumentException {
        try {
            return request.numbers(ledger.issued(base.markingId()));
        } catch (IllegalStateException e) {
            throw new DocumentException(source, DocumentException.Kind.REFUSED, e.getMessage()
                    + " for document " + base.markingId() + " (ledger " + store.name() + ")");
        }
    }

    /**
     * The output files the copies {@code numbers} of {@code source} get in {@code outDir}: {@code
     * name.000003.ext}, with the recipient's name part when there are recipients, and {@code extension}
     * that of the format written (a converted {@code .doc} gives {@code .docx}).
     */
    public static List<Path> targets(Path source, Path outDir, StampOptions base, List<CopyNumber> numbers,
            List<Recipient> recipients, String extension) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            Recipient r = recipients.isEmpty() ? null : recipients.get(i);
            out.add(outDir.resolve(Stamper.outputName(source, options(base, numbers.get(i), r),
                    r == null ? null : r.fileNamePart(), extension)));
        }
        return out;
    }

    /**
     * The numbers a batch would take if the ledger stayed as {@code ledger} shows it now; empty when the
     * request cannot be met (issuing then says why).
     */
    public static Optional<List<CopyNumber>> plannedNumbers(CopyRequest request, Ledger ledger, String document) {
        try {
            return Optional.of(request.numbers(ledger.issued(document)));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static StampOptions options(StampOptions base, CopyNumber n, Recipient r) {
        return base.withMarking(base.marking().withCopy(n).withRecipient(r == null ? null : r.label()));
    }

    private static List<LedgerEntry> reservations(StampOptions base, List<CopyNumber> numbers,
            List<Recipient> recipients, List<Path> targets) {
        String now = Instant.now().toString();
        List<LedgerEntry> out = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            Recipient r = recipients.isEmpty() ? null : recipients.get(i);
            Path t = targets.get(i).toAbsolutePath().normalize();
            out.add(new LedgerEntry(State.RESERVED, base.markingId(), numbers.get(i).formatted(),
                    r == null ? null : r.label(), t.getFileName().toString(), t.getParent().toString(), null, now, null,
                    null, null, null));
        }
        return out;
    }

    private List<Issued> stampAll(Prepared prepared, StampOptions base, List<LedgerEntry> reserved,
            List<Recipient> recipients, LedgerSession ledger, boolean replace, Consumer<Message> heard,
            IntConsumer progress)
            throws DocumentException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, reserved.size()));
        AtomicInteger done = new AtomicInteger();
        CopyDigests digests = new CopyDigests();
        try {
            List<Future<Issued>> futures = new ArrayList<>();
            for (int i = 0; i < reserved.size(); i++) {
                LedgerEntry entry = reserved.get(i);
                Recipient r = recipients.isEmpty() ? null : recipients.get(i);
                futures.add(pool.submit(() -> {
                    Issued issued = one(prepared, base, entry, r, ledger, replace, heard, digests);
                    progress.accept(done.incrementAndGet());
                    return issued;
                }));
            }
            List<Issued> out = new ArrayList<>();
            for (Future<Issued> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DocumentException de) {
                throw de;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            stop(pool);
        }
    }

    /** Stops the pool and waits for copies in progress, so recovery sees where each one ended. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // a copy being stamped finishes its current step; recovery must wait for it
                continue;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The source read once for its copies, and its format (which says how a copy is sealed). */
    private record Prepared(DocumentFormat format, PreparedSource source) {
    }

    private static Issued one(Prepared prepared, StampOptions base, LedgerEntry reserved, Recipient r,
            LedgerSession ledger, boolean replace, Consumer<Message> heard, CopyDigests digests)
            throws DocumentException, IOException {
        CopyNumber n = new CopyNumber(Integer.parseInt(reserved.copy()));
        Path outDir = Path.of(reserved.folder());
        Path target = outDir.resolve(reserved.file());
        Path temp = AtomicFiles.newTemp(outDir);
        try {
            StampOptions options = options(base, n, r);
            prepared.source().stamp(temp, options, heard);
            Stamper.seal(prepared.format(), temp, target, options);
            String sha = digests.sha256(temp);
            ledger.append(List.of(reserved.advance(State.STAGED, sha, Instant.now().toString(), null)));
            AtomicFiles.moveIntoPlace(temp, target, replace);
            ledger.appendUnforced(List.of(reserved.advance(State.ISSUED, sha, Instant.now().toString(), null)));
            return new Issued(n, r, target, sha);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** After a failed batch: confirm what is in place, void the rest; a failure here is for the next run to settle. */
    private static void settleAfterFailure(LedgerSession ledger) {
        try {
            Recovery.settle(ledger);
        } catch (IOException | RuntimeException e) {
            // the batch's own failure is the one to report; the next run settles what is left
            return;
        }
    }
}
