package dev.marking.core.format.ofd;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Level;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.StampCases;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Corpus, markings and a scanner for the OFD tests. */
final class OfdTestSupport {

    static final LocalDate DAY = StampCases.DAY;

    private OfdTestSupport() {
    }

    /** Every {@code .ofd} of the shared corpus; the corpus must be there. */
    static List<Path> corpus() throws IOException {
        return Corpus.files("ofd", ".ofd");
    }

    static Path corpusFile(String name) {
        return Corpus.file("ofd/" + name);
    }

    static Level level(String name) {
        return MarkingParser.standard().level(name).orElseThrow();
    }

    static Scanner scanner() {
        return Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(Policy.defaults(), DAY, Messages.forLang("en")));
    }
}
