package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Script;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.Stamper;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.text.Messages;
import dev.marking.core.trace.Tracer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stamps written in Traditional characters ({@code marking.script: traditional}) in PDF and DOCX read
 * back as the same marking, canonical under that policy; labelled table cells (密级 | 机密) are one mark.
 */
class TraditionalStampTest {

    @TempDir
    Path tmp;

    private static FileResult verify(Policy policy, Path file) {
        return Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(policy, LocalDate.of(2026, 12, 1),
                Messages.forLang("en"))).check(file);
    }

    private static List<String> rules(FileResult r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    /** First-page block, running headers and watermarks as read back. */
    private static String shown(ReadModel m) {
        StringBuilder sb = new StringBuilder();
        m.firstPageTop().forEach(b -> sb.append(b.text()).append('\n'));
        for (RunningSlot slot : m.slots()) {
            slot.header().forEach(b -> sb.append(b.text()).append('\n'));
            slot.watermarks().forEach(w -> sb.append(w).append('\n'));
        }
        return PdfTestSupport.squash(sb.toString());
    }

    private static StampOptions traditional() {
        StampOptions o = PdfTestSupport.options();
        return o.withMarking(o.marking().withScript(Script.TRADITIONAL));
    }

    @Test
    void pdfAndDocxStampedInTraditionalVerifyUnderATraditionalPolicy() throws Exception {
        Policy trad = PolicyLoader.parse("marking.yml", "marking.script: traditional\n", "t");
        Path pdf = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path docx = Fixtures.docx().paragraph("正文").build(tmp.resolve("in.docx"));
        for (Path in : List.of(pdf, docx)) {
            Path out = new Stamper(FormatRegistry.standard()).stamp(in, tmp.resolve("out"), traditional());
            String text = shown(FormatRegistry.standard().forFile(out).orElseThrow().read(out));
            FileResult r = verify(trad, out);
            assertEquals("机密★5年", r.marking().map(Marking::mark).orElseThrow(), out.toString());
            assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());
            assertEquals("000123", new Tracer(FormatRegistry.standard()).trace(out, Optional.empty()).copy().orElseThrow(),
                    "trace reads a Traditional copy");
            assertFalse(rules(r).contains("marking.noncanonical"), () -> out + ": " + r.findings());
            assertFalse(rules(r).contains("marking.inconsistent"), () -> out + ": " + r.findings());
            assertEquals(0, r.findings().stream().filter(f -> f.severity().name().equals("ERROR")).count(),
                    () -> out + ": " + r.findings());
            FileResult simplified = verify(Policy.defaults(), out);
            assertTrue(rules(simplified).contains("marking.noncanonical"), () -> out + ": " + simplified.findings());
            assertTrue(text.contains("機密★5年") && !text.contains("机密★5年"), () -> out + ": " + text);
        }
    }

    @Test
    void restampingATraditionalStampLeavesOneLevel() throws Exception {
        Path pdf = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path once = new Stamper(FormatRegistry.standard()).stamp(pdf, tmp.resolve("a"), traditional());
        Path twice = new Stamper(FormatRegistry.standard()).stamp(once, tmp.resolve("b"), PdfTestSupport.otherOptions());
        FileResult r = verify(Policy.defaults(), twice);
        assertEquals("秘密★1年", r.marking().map(Marking::mark).orElseThrow());
        assertFalse(rules(r).contains("marking.inconsistent"), () -> r.findings().toString());
    }

    @Test
    void docxTableRowWithLabelledCellsIsOneMarking() throws Exception {
        Path docx = Fixtures.docx().table("密級", "機密", "保密期限", "5年").paragraph("關於某項工作的通知").build(
                tmp.resolve("form.docx"));
        FileResult r = verify(Policy.defaults(), docx);
        assertEquals("机密★5年", r.marking().map(Marking::mark).orElseThrow(), () -> r.findings().toString());
        assertFalse(rules(r).contains("marking.missing"));
        Path bad = Fixtures.docx().table("密级", "机密", "保密期限", "-1").build(tmp.resolve("bad.docx"));
        assertTrue(rules(verify(Policy.defaults(), bad)).contains("marking.invalid"));
    }
}
