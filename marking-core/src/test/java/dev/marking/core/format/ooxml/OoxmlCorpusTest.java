package dev.marking.core.format.ooxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.Stamper;
import dev.marking.core.testing.Findings;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every XLSX and PPTX of the shared corpus, through the standard registry: stamp (block on), read back,
 * verify clean with the expected marking, restamp with another marking; inputs never change, an
 * encrypted file is refused without output.
 */
class OoxmlCorpusTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final FormatRegistry FORMATS = FormatRegistry.standard();
    private static final Scanner SCANNER = Scanner.forPolicy(FORMATS,
            ScanOptions.of(Policy.defaults(), DAY, Messages.forLang("en")));

    @TempDir
    Path tmp;

    static Stream<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String kind : List.of("xlsx", "pptx")) {
            files.addAll(Corpus.files(kind, "." + kind));
        }
        return files.stream();
    }

    static StampOptions first() {
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(123))
                .withUrgency(Urgency.URGENT);
        return StampOptions.all(m, "corpus", DAY).withBlock(true);
    }

    static StampOptions second() {
        return StampOptions.all(Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1)), "corpus", DAY);
    }

    @NeedsCorpus
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void stampsVerifiesCleanAndRestamps(Path file) throws Exception {
        DocumentFormat format = FORMATS.forFile(file).orElseThrow();
        assertEquals(format, FORMATS.identify(file).byContent().orElseThrow(), "recognised by content");
        byte[] before = Files.readAllBytes(file);
        if (isOle2(file)) {
            assertEquals(Kind.ENCRYPTED, assertThrows(DocumentException.class, () -> format.read(file)).kind());
            Path out = Files.createDirectories(tmp.resolve("out"));
            DocumentException e = assertThrows(DocumentException.class, () -> new Stamper(FORMATS).stamp(file, out, first()));
            assertEquals(Kind.ENCRYPTED, e.kind());
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of(), s.toList(), "no partial output");
            }
            assertArrayEquals(before, Files.readAllBytes(file));
            return;
        }
        ReadModel original = format.read(file);
        assertFalse(original.slots().isEmpty(), "every sheet or slide is a slot");
        Path once = tmp.resolve("once").resolve(file.getFileName());
        Files.createDirectories(once.getParent());
        format.stamp(file, once, first());
        assertArrayEquals(before, Files.readAllBytes(file), "input unchanged");
        assertStamped(original, format.read(once), first());

        FileResult verified = SCANNER.check(once);
        assertEquals(List.of(), Findings.errors(verified), "stamped " + file.getFileName());
        assertEquals("机密★5年", verified.marking().orElseThrow().mark());
        assertEquals("000123", verified.marking().get().copy().orElseThrow().formatted());

        byte[] onceBytes = Files.readAllBytes(once);
        Path twice = tmp.resolve("twice").resolve(file.getFileName());
        Files.createDirectories(twice.getParent());
        format.stamp(once, twice, second());
        assertArrayEquals(onceBytes, Files.readAllBytes(once), "stamped input unchanged by restamp");
        assertStamped(original, format.read(twice), second());
        assertEquals(List.of(), Findings.errors(SCANNER.check(twice)), "restamped " + file.getFileName());
    }

    /** Every slot shows the mark, the copy line and the watermark exactly once; the original text is all there. */
    static void assertStamped(ReadModel original, ReadModel stamped, StampOptions options) {
        String name = original.path().getFileName().toString();
        List<String> keys = stamped.slots().stream().map(s -> s.unit() + ":" + s.type()).toList();
        List<String> originalKeys = original.slots().stream().map(s -> s.unit() + ":" + s.type()).toList();
        assertTrue(keys.containsAll(originalKeys), name + ": slots " + originalKeys + " kept in " + keys);
        List<String> added = keys.stream().filter(k -> !originalKeys.contains(k)).toList();
        assertTrue(added.isEmpty() || added.size() == 1 && added.get(0).endsWith(":first"),
                name + ": only the block's first page of the first sheet is new: " + added);
        String mark = options.marking().mark();
        for (RunningSlot s : stamped.slots()) {
            String where = name + " " + s.describe(Messages.forLang("en")) + ": ";
            assertEquals(1, count(texts(s.header()), mark), where + "mark in " + texts(s.header()));
            assertEquals(0, otherMarks(texts(s.header()), mark), where + "an earlier mark left in " + texts(s.header()));
            assertEquals(options.footerText().map(f -> 1).orElse(0), options.footerText().map(f -> count(texts(s.footer()), f))
                    .orElse(0), where + "copy line in " + texts(s.footer()));
            assertEquals(List.of(options.marking().watermarkText()), s.watermarks(), where + "watermark");
        }
        List<String> body = new ArrayList<>(texts(stamped.body()));
        for (String t : texts(original.body())) {
            assertTrue(body.remove(t), name + ": original text kept: " + t);
        }
        options.metadata().forEach((k, v) -> assertEquals(v, stamped.properties().get(k), name + ": " + k));
    }

    private static int count(List<String> texts, String wanted) {
        return Collections.frequency(texts, wanted);
    }

    private static long otherMarks(List<String> texts, String mark) {
        return texts.stream().filter(t -> !t.equals(mark) && (t.startsWith("机密★") || t.startsWith("秘密★"))).count();
    }

    static List<String> texts(List<TextBlock> blocks) {
        return blocks.stream().map(TextBlock::text).toList();
    }

    private static boolean isOle2(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            return FileMagic.valueOf(in) == FileMagic.OLE2;
        }
    }
}
