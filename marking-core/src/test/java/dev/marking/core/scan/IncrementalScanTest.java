package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.text.TextFormat;
import dev.marking.core.policy.Policy;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner with a cache: unchanged files are answered from it, changed and new ones are read. */
class IncrementalScanTest {

    @TempDir
    Path dir;

    private final AtomicInteger reads = new AtomicInteger();
    private final FormatRegistry counting = new FormatRegistry(List.of(new CountingFormat(new TextFormat(), reads)));
    private final ScanOptions options = ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 23), Messages.forLang("en"))
            .withThreads(2);

    private ScanOutcome scan(Path cacheFile) throws IOException {
        ScanCache cache = ScanCache.open(cacheFile, ScanCache.key(counting, options, "test"));
        FileSelection.Selection found = new FileSelection(options.policy()).select(List.of(dir));
        ScanOutcome o = Scanner.forPolicy(counting, options).scan(found, ScanListener.NONE, cache);
        cache.save();
        return o;
    }

    @Test
    void secondRunOnUnchangedFilesReadsNothingAndGivesTheSameResult() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), "机密★5年\n正文\n");
        Files.writeString(docs.resolve("b.txt"), "正文\n");
        Files.writeString(docs.resolve("c.md"), "秘密★15年\n正文\n");
        Path cacheFile = Files.createTempDirectory("cache").resolve("cache.json");
        ScanOutcome first = scan(cacheFile);
        assertEquals(List.of(3, 0, 3, 3), List.of(first.files(), first.fromCache(), first.read(), reads.get()));
        ScanOutcome second = scan(cacheFile);
        assertEquals(List.of(3, 3, 0, 3), List.of(second.files(), second.fromCache(), second.read(), reads.get()));
        assertEquals(first.result(), second.result());
        assertEquals(Scanner.forPolicy(counting, options).scan(List.of(dir)), second.result());
    }

    @Test
    void changedAndNewFilesAreReadAgain() throws IOException {
        Files.writeString(dir.resolve("a.md"), "机密★5年\n正文\n");
        Files.writeString(dir.resolve("b.md"), "正文\n");
        Path cacheFile = Files.createTempDirectory("cache").resolve("cache.json");
        scan(cacheFile);
        Files.writeString(dir.resolve("b.md"), "公开\n正文\n");
        Files.writeString(dir.resolve("c.md"), "公开\n");
        ScanOutcome o = scan(cacheFile);
        assertEquals(List.of(3, 1, 2), List.of(o.files(), o.fromCache(), o.read()));
        assertEquals(0, o.result().count(dev.marking.core.model.Severity.ERROR));
    }

    /** The text adapter, counting how often a document is read. */
    private record CountingFormat(DocumentFormat inner, AtomicInteger reads) implements DocumentFormat {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public List<String> extensions() {
            return inner.extensions();
        }

        @Override
        public String mediaType() {
            return inner.mediaType();
        }

        @Override
        public Recognition recognise(ContentProbe content) {
            return inner.recognise(content);
        }

        @Override
        public ReadModel read(Path file) throws DocumentException {
            reads.incrementAndGet();
            return inner.read(file);
        }

        @Override
        public void stamp(Path source, Path target, StampOptions stampOptions) throws DocumentException {
            inner.stamp(source, target, stampOptions);
        }
    }
}
