package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DOCX of the real-world corpus: read, stamp, read back, restamp; malformed files are unreadable. */
class DocxCorpusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final DocxFormat format = new DocxFormat();

    @TempDir
    Path tmp;

    static List<Path> corpus() {
        return Corpus.files("docx", ".docx");
    }

    static List<Path> malformed() {
        return Corpus.files("malformed", ".docx");
    }

    static StampOptions first() {
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(123))
                .withUrgency(Urgency.URGENT);
        return StampOptions.all(m, "doc-1", TODAY);
    }

    static StampOptions second() {
        return StampOptions.all(Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1)), "doc-1", TODAY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @NeedsCorpus
    void stampsReadsBackAndRestamps(Path file) throws Exception {
        String hash = StampAssertions.sha256(file);
        if (isOle2(file)) {
            assertEquals(Kind.ENCRYPTED, assertThrows(DocumentException.class, () -> format.read(file)).kind());
            assertEquals(Kind.ENCRYPTED, assertThrows(DocumentException.class,
                    () -> format.stamp(file, tmp.resolve("x.docx"), first())).kind());
            assertEquals(hash, StampAssertions.sha256(file));
            return;
        }
        ReadModel original = format.read(file);
        assertEquals("docx", original.format());
        assertFalse(original.slots().isEmpty(), "every section shows at least a default header");
        Path once = tmp.resolve("once.docx");
        if (file.getFileName().toString().contains("signed")) {
            DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(file, once, first()));
            assertEquals(Kind.REFUSED, e.kind());
            assertEquals(hash, StampAssertions.sha256(file));
            return;
        }
        format.stamp(file, once, first());
        assertEquals(hash, StampAssertions.sha256(file), "input unchanged");
        StampAssertions.assertStampedCopy(original, format.read(once), first());

        String onceHash = StampAssertions.sha256(once);
        Path twice = tmp.resolve("twice.docx");
        format.stamp(once, twice, second());
        assertEquals(onceHash, StampAssertions.sha256(once), "stamped input unchanged by restamp");
        StampAssertions.assertStampedCopy(original, format.read(twice), second());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @NeedsCorpus
    void malformedIsUnreadable(Path file) {
        DocumentException read = assertThrows(DocumentException.class, () -> format.read(file));
        assertEquals(Kind.UNREADABLE, read.kind(), read.getMessage());
        assertFalse(read.getMessage().contains("\tat "), "no stack trace in the reason");
        DocumentException stamp = assertThrows(DocumentException.class,
                () -> format.stamp(file, tmp.resolve("x.docx"), first()));
        assertEquals(Kind.UNREADABLE, stamp.kind(), stamp.getMessage());
    }

    private static boolean isOle2(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            return FileMagic.valueOf(in) == FileMagic.OLE2;
        }
    }
}
