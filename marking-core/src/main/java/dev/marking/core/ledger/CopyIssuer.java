package dev.marking.core.ledger;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.convert.OfficeConverter;
import dev.marking.core.format.convert.StampSource;
import dev.marking.core.io.AtomicFiles;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.scan.Stamper;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Issues numbered copies of one document (DESIGN §1.4): reserves numbers under the ledger's lock,
 * stamps each copy to a temporary file, renames it into place, and only then logs it. A crash leaves
 * every ledger line matching a complete file; the next run removes leftover temporary files.
 */
public final class CopyIssuer {

    private final FormatRegistry formats;
    private final int threads;
    private final Supplier<Optional<OfficeConverter>> converters;

    public CopyIssuer(FormatRegistry formats, int threads) {
        this(formats, threads, OfficeConverter::find);
    }

    /** An issuer that finds the converter for legacy formats through {@code converters}. */
    public CopyIssuer(FormatRegistry formats, int threads, Supplier<Optional<OfficeConverter>> converters) {
        this.formats = formats;
        this.threads = Math.max(1, threads);
        this.converters = converters;
    }

    /** One issued copy. */
    public record Issued(CopyNumber copy, Recipient recipient, Path file, String sha256) {
    }

    /**
     * Stamps {@code request}'s copies of {@code source} into {@code outDir}, one recipient per copy when
     * {@code recipients} is not empty (then its size must equal the number of copies).
     *
     * @param progress told the count of finished copies after each one
     */
    public List<Issued> issue(Path source, Path outDir, StampOptions base, CopyRequest request,
            List<Recipient> recipients, Path ledgerFile, IntConsumer progress) throws DocumentException, IOException {
        DocumentFormat format = formats.forFile(source).orElseThrow(() -> new DocumentException(source,
                DocumentException.Kind.UNSUPPORTED, "unsupported file type (marking stamps " + formats.extensionList() + ")"));
        if (!recipients.isEmpty() && recipients.size() != request.count()) {
            throw new DocumentException(source, DocumentException.Kind.REFUSED, recipients.size()
                    + " recipients for " + request.count() + " copies: give one recipient per copy");
        }
        Files.createDirectories(outDir);
        try (LedgerWriter ledger = LedgerWriter.open(ledgerFile)) {
            List<CopyNumber> numbers;
            try {
                numbers = request.numbers(ledger.existing().issued(base.markingId()));
            } catch (IllegalStateException e) {
                throw new DocumentException(source, DocumentException.Kind.REFUSED, e.getMessage()
                        + " for document " + base.markingId() + " (ledger " + ledgerFile + ")");
            }
            removeLeftovers(outDir);
            try (StampSource input = StampSource.open(formats, format, source, base.convert(), converters)) {
                PreparedSource prepared = input.format().prepare(input.file(),
                        recipients.stream().map(Recipient::label).toList());
                Output output = new Output(source, outDir, StampSource.extension(format, source));
                return stampAll(output, base, numbers, recipients, prepared, ledger, progress);
            }
        }
    }

    /** Where copies of one source go: {@code dir/stem.000001.ext}, with the extension of the format written. */
    private record Output(Path source, Path dir, String extension) {
    }

    private List<Issued> stampAll(Output output, StampOptions base, List<CopyNumber> numbers,
            List<Recipient> recipients, PreparedSource prepared, LedgerWriter ledger, IntConsumer progress)
            throws DocumentException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, numbers.size()));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Issued>> futures = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                CopyNumber n = numbers.get(i);
                Recipient r = recipients.isEmpty() ? null : recipients.get(i);
                futures.add(pool.submit(() -> {
                    Issued issued = one(output, base, n, r, prepared, ledger);
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
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Issued one(Output output, StampOptions base, CopyNumber n, Recipient r, PreparedSource prepared,
            LedgerWriter ledger) throws DocumentException, IOException {
        StampOptions options = base.withMarking(base.marking().withCopy(n).withRecipient(r == null ? null : r.label()));
        Path target = output.dir().resolve(Stamper.outputName(output.source(), options,
                r == null ? null : r.fileNamePart(), output.extension()));
        Path temp = AtomicFiles.newTemp(output.dir());
        try {
            prepared.stamp(temp, options);
            AtomicFiles.moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        String sha = Digests.sha256(target);
        ledger.append(new LedgerEntry(base.markingId(), n.formatted(), r == null ? null : r.label(),
                target.getFileName().toString(), sha, Instant.now().toString()));
        return new Issued(n, r, target, sha);
    }

    /** Temporary files a killed run left behind; safe to remove while we hold the ledger lock. */
    private static void removeLeftovers(Path outDir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(outDir, AtomicFiles.TEMP_PREFIX + "*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }
}
