package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.testing.OdfXmlView;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.testing.Verify;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, acceptance 3 for the legacy, WPS, ODF and RTF part of the corpus: verify reports every file
 * (never silently skipped); stamping (converting where the format is never written) either works — the copy
 * verifies with its marking and keeps the original's text, checked by an independent reader (the ODF XML
 * read directly, or LibreOffice's PDF export through {@code pdftotext}) — or fails with one clear line;
 * inputs are never modified and a failed stamp leaves nothing behind. (A conversion that would drop embedded
 * objects is one of the clear refusals.) Every file is stamped first and LibreOffice then prints all the originals
 * and all the copies in one run each, instead of starting twice per file; each file's test checks its own results.
 */
@NeedsCorpus
class OfficeCorpusTest {

    private static final List<String> FOLDERS = List.of("doc", "xls", "ppt", "odt", "ods", "odp", "rtf", "wps");
    private static final FormatRegistry FORMATS = FormatRegistry.standard();
    /** Words of the original compared with the stamped copy's PDF text. */
    private static final int WORDS = 25;
    private static final StampOptions OPTIONS = StampOptions.all(Marking.of(Scheme.STATE.level("机密").orElseThrow(),
            new Term.Years(5)).withCopy(new CopyNumber(123)), "corpus", Verify.TODAY).withConvert(true);

    /** What stamping one corpus file did: its bytes and report before, where it wrote, the copy or the refusal. */
    private record Stamped(byte[] before, FileResult original, Path out, Path copy, DocumentException refused) {
    }

    private static final Map<Path, Stamped> STAMPED = new HashMap<>();
    /** LibreOffice's PDF of each original and of each copy that is checked in print, by corpus file. */
    private static final Map<Path, Path> PRINTED_BEFORE = new HashMap<>();
    private static final Map<Path, Path> PRINTED_AFTER = new HashMap<>();

    @TempDir
    static Path tmp;

    static Stream<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> s = Files.list(Corpus.dir(folder))) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        assertTrue(files.size() >= 30, "corpus incomplete: " + files.size() + " files");
        return files.stream().sorted();
    }

    @BeforeAll
    static void stampEveryFileThenPrintThemAll() throws Exception {
        List<Path> files = corpus().toList();
        List<Path> print = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            byte[] before = Files.readAllBytes(file);
            FileResult original = Verify.check(file);
            Path out = Files.createDirectories(tmp.resolve("out-" + i));
            try {
                Path copy = new Stamper(FORMATS).stamp(file, out, OPTIONS);
                STAMPED.put(file, new Stamped(before, original, out, copy, null));
                if (!copy.getFileName().toString().endsWith(".odt")) {
                    print.add(file);
                }
            } catch (DocumentException e) {
                STAMPED.put(file, new Stamped(before, original, out, null, e));
            }
        }
        LibreOffice lo = new LibreOffice(tmp.resolve("lo"));
        PRINTED_BEFORE.putAll(printAll(lo, print, f -> f, "before"));
        PRINTED_AFTER.putAll(printAll(lo, print, f -> STAMPED.get(f).copy(), "after"));
    }

    /** {@code which} of each file printed to PDF by one LibreOffice run, under names of their own (names repeat). */
    private static Map<Path, Path> printAll(LibreOffice lo, List<Path> files, UnaryOperator<Path> which, String name)
            throws Exception {
        Path staged = Files.createDirectories(tmp.resolve(name + "-in"));
        Map<Path, Path> in = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path doc = which.apply(files.get(i));
            in.put(files.get(i), Files.copy(doc, staged.resolve(i + "-" + doc.getFileName())));
        }
        Map<Path, Path> printed = lo.convertEach(new ArrayList<>(in.values()), "pdf", tmp.resolve(name));
        Map<Path, Path> out = new HashMap<>();
        in.forEach((file, copy) -> {
            if (printed.containsKey(copy)) {
                out.put(file, printed.get(copy));
            }
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void verifyReportsItAndStampWorksOrSaysWhyInOneLine(Path file) throws Exception {
        Stamped s = STAMPED.get(file);
        String ext = file.getFileName().toString().substring(file.getFileName().toString().lastIndexOf('.') + 1)
                .toLowerCase(Locale.ROOT);
        FileResult original = s.original();
        assertEquals(ext, original.format(), "read by the adapter its name and bytes point to");
        assertTrue(original.marking().isPresent() || !original.findings().isEmpty(), "reported: " + original);
        boolean unreadable = original.findings().stream().anyMatch(f -> f.rule().startsWith("file."));

        if (s.refused() != null) {
            DocumentException e = s.refused();
            assertFalse(e.getMessage().isBlank() || e.getMessage().contains("\n"), "one clear line: " + e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), "a reason, not a stack trace: " + e.getMessage());
            try (Stream<Path> listed = Files.list(s.out())) {
                assertEquals(List.of(), listed.toList(), "nothing written for " + file.getFileName());
            }
            assertArrayEquals(s.before(), Files.readAllBytes(file), "input unchanged");
            return;
        }
        Path stamped = s.copy();
        assertFalse(unreadable, "an unreadable file must not stamp: " + file.getFileName());
        assertArrayEquals(s.before(), Files.readAllBytes(file), "input unchanged");
        try (Stream<Path> listed = Files.list(s.out())) {
            assertEquals(List.of(stamped), listed.toList(), "only the stamped copy is written");
        }
        verifiesClean(original, Verify.check(stamped));
        if (stamped.getFileName().toString().endsWith(".odt")) {
            textKeptInOdfXml(file, stamped, OPTIONS);
        } else {
            textKeptInPdf(file, stamped);
        }
    }

    /** The copy carries the marking, and only content findings the original had (the text is the same). */
    private static void verifiesClean(FileResult original, FileResult stamped) {
        assertEquals("机密★5年", stamped.marking().orElseThrow().mark());
        assertEquals("000123", stamped.marking().get().copy().orElseThrow().formatted());
        Set<String> before = new HashSet<>();
        original.findings().forEach(f -> before.add(f.rule()));
        List<Finding> errors = stamped.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> f.rule().startsWith("marking.") || f.rule().startsWith("copy.")
                        || f.rule().startsWith("file.") || !before.contains(f.rule()))
                .toList();
        assertEquals(List.of(), errors, stamped.path());
    }

    /** The stamped ODT's body, read as XML, is our block followed by the original's paragraphs. */
    private static void textKeptInOdfXml(Path original, Path stamped, StampOptions options) throws Exception {
        List<String> before = OdfXmlView.of(original).body();
        List<String> after = OdfXmlView.of(stamped).body();
        List<String> block = options.firstPageBlock();
        assertEquals(block, after.subList(0, block.size()));
        assertEquals(before, after.subList(block.size(), after.size()), "body kept in order");
        assertEquals("机密", OdfXmlView.of(stamped).userDefined("marking.level"));
    }

    /**
     * LibreOffice prints the mark on every page of the copy that has text, and the original's words are all
     * there. A copy LibreOffice prints nothing of (an empty sheet: Calc prints no headers for it) is checked
     * in its package XML instead.
     */
    private static void textKeptInPdf(Path original, Path stamped) throws Exception {
        LibreOffice lo = new LibreOffice(tmp.resolve("lo"));
        Path after = PRINTED_AFTER.get(original);
        Path before = PRINTED_BEFORE.get(original);
        assertTrue(after != null, () -> "LibreOffice printed no PDF of " + stamped);
        assertTrue(before != null, () -> "LibreOffice printed no PDF of " + original);
        List<String> pages = lo.pageTexts(after).stream().map(p -> p.replaceAll("\\s+", "")).toList();
        String text = String.join("", pages);
        if (text.isEmpty()) {
            assertTrue(packageXml(stamped).contains("机密★5年"), "the mark in the package XML of " + stamped);
            return;
        }
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).isEmpty() || pages.get(i).contains("机密★5年"), "page " + (i + 1) + " lacks the mark");
        }
        List<String> all = lo.words(before);
        List<String> words = all.stream()
                .filter(w -> w.length() >= 4 || w.length() >= 2 && w.codePoints().anyMatch(c -> c >= 0x4E00))
                .limit(WORDS).toList();
        for (String w : words.isEmpty() ? all.stream().limit(WORDS).toList() : words) {
            assertTrue(text.contains(w), "word '" + w + "' of " + original.getFileName() + " lost in " + stamped);
        }
    }

    /** Every XML part of a ZIP package, concatenated. */
    private static String packageXml(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> e.getName().endsWith(".xml")).toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sb.toString();
    }
}
