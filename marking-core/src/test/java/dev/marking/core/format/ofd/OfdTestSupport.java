package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Level;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.StampCases;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** Corpus, markings and a scanner for the OFD tests. */
final class OfdTestSupport {

    static final LocalDate DAY = StampCases.DAY;

    private OfdTestSupport() {
    }

    /** Every {@code .ofd} of the shared corpus; the corpus must be there. */
    static List<Path> corpus() throws IOException {
        Path dir = Fixtures.shared().resolve("corpus").resolve("ofd");
        assertTrue(Files.isDirectory(dir), "corpus not found at " + dir.toAbsolutePath());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ofd")).sorted().toList();
        }
    }

    static Path corpusFile(String name) {
        Path p = Fixtures.shared().resolve("corpus").resolve("ofd").resolve(name);
        assertTrue(Files.isRegularFile(p), "corpus file not found: " + p.toAbsolutePath());
        return p;
    }

    static Level level(String name) {
        return MarkingParser.standard().level(name).orElseThrow();
    }

    static Scanner scanner() {
        return Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(Policy.defaults(), DAY, Messages.forLang("en")));
    }
}
