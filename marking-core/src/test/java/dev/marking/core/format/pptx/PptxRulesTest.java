package dev.marking.core.format.pptx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Findings;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.text.Messages;
import dev.marking.core.trace.TraceResult;
import dev.marking.core.trace.Tracer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rules find in presentations, built in code: positive and negative cases side by side. */
class PptxRulesTest {

    private final Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(),
            ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 30), Messages.forLang("en")));

    @TempDir
    Path dir;

    @Test
    void fakeDeclassificationOnASlideIsReportedAtTheSlide() {
        FileResult r = scanner.check(Fixtures.pptx().masterText("机密★5年").slide().text("简报")
                .slide().text("XX部队于X月X日到达A基地").build(dir.resolve("declass.pptx")));
        Finding f = Findings.only(r, "declass.fake", "XX部队");
        assertEquals("slide 2, paragraph 1, column 1", f.location().describe());
    }

    @Test
    void personalInformationInSpeakerNotesIsReportedAtTheNotes() {
        FileResult r = scanner.check(Fixtures.pptx().masterText("机密★5年").slide().text("正文")
                .notes("联系人 13812345678").build(dir.resolve("pii.pptx")));
        assertEquals("slide 1, notes, paragraph 1, column 5", Findings.only(r, "pii.phone", "138****5678").location().describe());
        assertTrue(Findings.of(r, "hidden.content").stream().anyMatch(h -> h.message().contains("speaker notes")),
                r.findings().toString());
    }

    @Test
    void aHiddenSlideIsHiddenContent() {
        FileResult r = scanner.check(Fixtures.pptx().masterText("机密★5年").slide().text("公开")
                .slide().text("草稿").hidden().build(dir.resolve("hidden.pptx")));
        Finding f = Findings.of(r, "hidden.content").get(0);
        assertEquals("slide 2", f.location().describe());
        assertTrue(f.message().contains("hidden slide"), f.message());
    }

    @Test
    void negativeAPlainPresentationHasNoHiddenContent() {
        assertEquals(List.of(), Findings.of(scanner.check(Fixtures.pptx().masterText("机密★5年").slide().text("正文")
                .build(dir.resolve("plain.pptx"))), "hidden.content"));
    }

    @Test
    void theMarkOnTheMasterMarksEverySlideThatShowsIt() {
        FileResult marked = scanner.check(Fixtures.pptx().masterText("机密★5年").slide().text("一").slide().text("二")
                .build(dir.resolve("marked.pptx")));
        assertEquals("机密★5年", marked.marking().orElseThrow().mark());
        assertEquals(List.of(), Findings.errors(marked));

        FileResult unmarked = scanner.check(Fixtures.pptx().slide().text("一").build(dir.resolve("unmarked.pptx")));
        assertEquals(List.of("marking.missing"), Findings.errors(unmarked).stream().map(Finding::rule).toList());

        FileResult incomplete = scanner.check(Fixtures.pptx().masterText("机密★5年").slide().text("一")
                .slide().text("二").hideMasterShapes().build(dir.resolve("incomplete.pptx")));
        Finding f = Findings.of(incomplete, "marking.incomplete").get(0);
        assertTrue(f.message().contains("slide 2"), f.message());
    }

    @Test
    void aStampedPresentationVerifiesCleanAndTracesToItsCopy() throws Exception {
        Path in = Fixtures.pptx().slide().text("一").slide().text("二").hideMasterShapes().build(dir.resolve("in.pptx"));
        Path out = dir.resolve("out.pptx");
        new PptxFormat().stamp(in, out, StampOptions.all(PptxStampTest.jimi(), "doc-9", PptxStampTest.DAY));
        FileResult r = scanner.check(out);
        assertEquals(List.of(), Findings.errors(r));
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());
        TraceResult t = new Tracer(FormatRegistry.standard()).trace(out, Optional.empty());
        assertEquals(Map.of("metadata", "000123", "block", "000123", "footer", "000123", "watermark", "000123"),
                t.copiesBySource());
    }
}
