package dev.marking.core.scan;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks files through a {@link ScanCache}: a file whose content hash and relative path are in the
 * cache is not read by its adapter; every other file is checked by the {@link Scanner} and its result
 * remembered. The caller saves the cache when it wants it kept.
 */
public final class IncrementalScan {

    /**
     * What a scan did.
     *
     * @param result    all results, as a plain scan would give them
     * @param fromCache files answered from the cache
     * @param read      files read and checked
     */
    public record Outcome(ScanResult result, int fromCache, int read) {

        public int files() {
            return result.files().size();
        }
    }

    private final Scanner scanner;
    private final ScanOptions options;
    private final ScanCache cache;

    public IncrementalScan(FormatRegistry formats, ScanOptions options, ScanCache cache) {
        this.scanner = Scanner.forPolicy(formats, options);
        this.options = options;
        this.cache = cache;
    }

    /** Checks {@code targets} on {@code options.threads()} threads, telling {@code listener} about each file. */
    public Outcome run(List<ScanTarget> targets, ScanListener listener) throws IOException {
        AtomicInteger hits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), targets.size())));
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (ScanTarget t : targets) {
                futures.add(pool.submit(() -> {
                    FileResult r = check(t, hits);
                    listener.fileDone(r);
                    return r;
                }));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> f : futures) {
                results.add(f.get());
            }
            return new Outcome(new ScanResult(results), hits.get(), results.size() - hits.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a rule failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FileResult check(ScanTarget target, AtomicInteger hits) {
        String sha;
        try {
            sha = Digests.sha256(target.file());
        } catch (IOException e) {
            // Unreadable now: let the scanner report it, and remember nothing.
            return scanner.check(target);
        }
        Optional<FileResult> cached = cache.lookup(target.relative(), sha);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            FileResult r = cached.get();
            String shown = Scanner.display(target.file());
            return shown.equals(r.path()) ? r : new FileResult(shown, r.format(), r.marking(), r.findings());
        }
        FileResult r = scanner.check(target);
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
}
