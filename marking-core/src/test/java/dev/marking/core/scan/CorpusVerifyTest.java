package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Severity;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole pipeline over every real corpus file: stamp with the standard adapters, then verify with the
 * standard rules. A readable file must verify with no error and the expected marking; an encrypted or
 * broken one must be a finding for verify and a refusal for stamp, with nothing written.
 */
class CorpusVerifyTest {

    private static final FormatRegistry FORMATS = FormatRegistry.standard();

    @TempDir
    Path out;

    static Stream<Path> corpus() {
        List<Path> files = Stream.of("docx", "pdf", "malformed").flatMap(d -> Corpus.files(d, "").stream())
                .filter(p -> FORMATS.forFile(p).isPresent()).sorted().toList();
        assertTrue(files.size() > 40, "only " + files.size() + " corpus files under " + Corpus.root());
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @NeedsCorpus
    void stampsThenVerifiesWithoutError(Path file) throws Exception {
        byte[] before = Files.readAllBytes(file);
        Scanner scanner = Scanner.forPolicy(FORMATS, ScanOptions.of(dev.marking.core.policy.Policy.defaults(),
                LocalDate.of(2026, 11, 23), Messages.forLang("en")));
        FileResult original = scanner.check(file);
        boolean unreadable = original.findings().stream()
                .anyMatch(f -> f.rule().equals("file.unreadable") || f.rule().equals("file.encrypted")
                        || f.rule().equals("file.unsupported"));
        Marking marking = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(123)).withUrgency(Urgency.URGENT);
        StampOptions options = StampOptions.all(marking, "corpus", LocalDate.of(2026, 11, 23));
        try {
            Path stamped = new Stamper(FORMATS).stamp(file, out, options);
            FileResult result = scanner.check(stamped);
            List<Finding> errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            assertEquals(List.of(), errors, "stamped " + file.getFileName());
            assertEquals("机密★5年", result.marking().orElseThrow().mark());
            assertEquals("000123", result.marking().get().copy().orElseThrow().formatted());
        } catch (DocumentException e) {
            assertTrue(unreadable || e.kind() == DocumentException.Kind.REFUSED,
                    "only unreadable, unsupported, encrypted or refused (signed) files may fail to stamp: " + e.getMessage());
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of(), s.toList(), "nothing written for " + file.getFileName());
            }
        }
        assertArrayEquals(before, Files.readAllBytes(file), "input unchanged");
    }
}
