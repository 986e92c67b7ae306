package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Level;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Corpus, markings and a scanner for the OFD tests. */
final class OfdTestSupport {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

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

    /** 机密★5年, copy 000123, 特急. */
    static StampOptions options() {
        Marking m = new Marking(level("机密"), new Term.Years(5), Optional.of(new CopyNumber(123)), Optional.empty(),
                Optional.of(Urgency.URGENT), Optional.empty());
        return StampOptions.all(m, "doc-1", DAY);
    }

    /** 秘密★1年, copy 000007: a second stamp that must replace the first. */
    static StampOptions otherOptions() {
        Marking m = Marking.of(level("秘密"), new Term.Years(1)).withCopy(new CopyNumber(7));
        return StampOptions.all(m, "doc-2", DAY);
    }

    static Scanner scanner() {
        return Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(Policy.defaults(), DAY, Messages.forLang("en")));
    }
}
