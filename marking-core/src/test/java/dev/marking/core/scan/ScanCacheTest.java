package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Ocr;
import dev.marking.core.model.Severity;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.policy.Policy;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCacheTest {

    @TempDir
    Path dir;

    private final ScanOptions options = ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 23), Messages.forLang("en"));

    private static FileResult sample() {
        Marking mk = MarkingParser.standard().parse("机密★5年").orElseThrow().marking().orElseThrow()
                .withCopy(new CopyNumber(3)).withIssued(LocalDate.of(2026, 1, 5)).withUrgency(Urgency.URGENT)
                .withRecipient("办公室");
        List<Finding> findings = List.of(
                new Finding("marking.noncanonical", Severity.WARNING, "write 机密★5年", Location.line(1, 1), "机密☆五年"),
                new Finding("marking.incomplete", Severity.ERROR, "missing", Location.FILE, null),
                new Finding("marking.incomplete", Severity.INFO, "in header", new Location("header:first", 2, 0, 1, 0, 0), ""),
                new Finding("pii.phone", Severity.ERROR, "in a cell", Location.cell("Sheet 1", "C7"), "13800138000"),
                new Finding("declass.fake", Severity.ERROR, "on a slide", Location.slide(4).withPart("notes"), "XX部队"),
                new Finding("declass.fake", Severity.ERROR, "on a scan", Location.page(1).withParagraph(3)
                        .withOcr(new Ocr(91)), "A基地"),
                new Finding("file.no-text", Severity.ERROR, "blank scan", Location.page(2).withOcr(Ocr.PAGE), null));
        return new FileResult("docs/a.md", "text", Optional.of(mk), findings);
    }

    @Test
    void roundTripsEveryFieldOfAResult() throws IOException {
        Path file = dir.resolve("out/cache.json");
        ScanCache cache = ScanCache.open(file, "k1");
        cache.put("a.md", "abc", sample());
        cache.put("b.md", "def", new FileResult("b.md", "text", Optional.empty(), List.of()));
        cache.save();
        ScanCache again = ScanCache.open(file, "k1");
        assertEquals(Optional.of(sample()), again.lookup("a.md", "abc"));
        assertEquals(Optional.of(new FileResult("b.md", "text", Optional.empty(), List.of())), again.lookup("b.md", "def"));
        assertTrue(again.lookup("a.md", "other-content").isEmpty());
        assertTrue(again.lookup("c.md", "abc").isEmpty());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void everyKindOfTermSurvives() throws IOException {
        Path file = dir.resolve("cache.json");
        ScanCache cache = ScanCache.open(file, "k");
        List<Term> terms = List.of(new Term.Years(5), new Term.Months(6), new Term.Until(LocalDate.of(2030, 12, 31)),
                new Term.LongTerm(), new Term.Condition("项目结束后"), new Term.Unstated());
        Marking base = sample().marking().orElseThrow();
        for (int i = 0; i < terms.size(); i++) {
            Marking m = new Marking(base.level(), terms.get(i), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            cache.put("f" + i, "h", new FileResult("f" + i, "text", Optional.of(m), List.of()));
        }
        cache.save();
        ScanCache again = ScanCache.open(file, "k");
        for (int i = 0; i < terms.size(); i++) {
            assertEquals(terms.get(i), again.lookup("f" + i, "h").orElseThrow().marking().orElseThrow().term());
        }
    }

    @Test
    void anotherKeyOrADamagedFileStartsAfresh() throws IOException {
        Path file = dir.resolve("cache.json");
        ScanCache cache = ScanCache.open(file, "k1");
        cache.put("a.md", "abc", sample());
        cache.save();
        assertTrue(ScanCache.open(file, "k2").lookup("a.md", "abc").isEmpty());
        Files.writeString(file, "{not json");
        assertTrue(ScanCache.open(file, "k1").lookup("a.md", "abc").isEmpty());
    }

    @Test
    void saveKeepsOnlyEntriesUsedSinceOpening() throws IOException {
        Path file = dir.resolve("cache.json");
        ScanCache cache = ScanCache.open(file, "k");
        cache.put("gone.md", "1", sample());
        cache.put("kept.md", "2", sample());
        cache.save();
        ScanCache second = ScanCache.open(file, "k");
        assertTrue(second.lookup("kept.md", "2").isPresent());
        second.save();
        assertEquals(1, second.size());
        assertTrue(ScanCache.open(file, "k").lookup("gone.md", "1").isEmpty());
    }

    @Test
    void disabledCacheNeitherRemembersNorWrites() throws IOException {
        ScanCache off = ScanCache.disabled();
        off.put("a.md", "abc", sample());
        assertTrue(off.lookup("a.md", "abc").isEmpty());
        off.save();
        assertFalse(off.file().isPresent());
    }

    @Test
    void keyChangesWithVersionPolicyDayAndLanguage() {
        FormatRegistry formats = FormatRegistry.standard();
        String base = ScanCache.key(formats, options, "1.0");
        assertEquals(base, ScanCache.key(formats, options, "1.0"));
        assertNotEquals(base, ScanCache.key(formats, options, "1.1"));
        assertNotEquals(base, ScanCache.key(formats, ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 24),
                Messages.forLang("en")), "1.0"));
        assertNotEquals(base, ScanCache.key(formats, ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 23),
                Messages.forLang("zh")), "1.0"));
        Policy d = Policy.defaults();
        Policy other = new Policy("x", d.schemes(), true, d.mode(), d.script(), d.severities(), List.of(), List.of(),
                List.of(), d.pseudonyms(), d.channels(), List.of(), List.of(), List.of(), true, "other", d.local(), d.sources(),
                d.seal(), d.fileTimeLimit());
        assertNotEquals(base, ScanCache.key(formats, ScanOptions.of(other, LocalDate.of(2026, 11, 23),
                Messages.forLang("en")), "1.0"));
    }
}
