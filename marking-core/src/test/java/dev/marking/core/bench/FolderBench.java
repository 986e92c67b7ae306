package dev.marking.core.bench;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Corpus;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code verify} throughput on a generated folder of N mixed files (DOCX and PDF copied from the corpus,
 * Markdown generated): files/s, MB/s and peak heap. Not a test:
 * {@code java -Xmx512m -cp … dev.marking.core.bench.FolderBench [CORPUS] 2000} (default: {@link Corpus#location()}).
 */
public final class FolderBench {

    private FolderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : Corpus.location();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory("marking-folder");
        List<Path> sources;
        try (Stream<Path> s = Stream.of("docx", "pdf").flatMap(d -> list(corpus.resolve(d)))) {
            sources = s.sorted().toList();
        }
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            Path target;
            if (i % 3 == 2) {
                target = dir.resolve("d" + (i / 100)).resolve("note" + i + ".md");
                Files.createDirectories(target.getParent());
                Files.writeString(target, "机密★5年\n\n# 第" + i + "号通知\n\n" + "XX部队于X月X日在A基地完成试射。正文。".repeat(50));
            } else {
                Path src = sources.get(i % sources.size());
                String name = src.getFileName().toString();
                target = dir.resolve("d" + (i / 100)).resolve(i + "-" + name);
                Files.createDirectories(target.getParent());
                Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
            }
            bytes += Files.size(target);
        }
        Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(),
                ScanOptions.of(Policy.defaults(), LocalDate.now(), Messages.forLang("en")));
        long t0 = System.nanoTime();
        ScanResult r = scanner.scan(List.of(dir));
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%d files, %.1f MB in %.1f s: %.1f files/s, %.2f MB/s; %d findings; peak heap %d MB"
                + " (max %d MB); %d cores%n", r.files().size(), bytes / 1e6, s, r.files().size() / s, bytes / 1e6 / s,
                r.files().stream().mapToLong(f -> f.findings().size()).sum(), peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
