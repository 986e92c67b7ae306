package dev.marking.core.rules.scanned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.ScannedPage.Outcome;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.marking.IncompleteMarkingRule;
import dev.marking.core.rules.marking.NoncanonicalMarkingRule;
import dev.marking.core.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules over scanned pages: unread pages are never clean; what OCR read is judged on content, not on form. */
class ScannedPagesRulesTest {

    private static final NoTextRule MANDATORY = new NoTextRule(MarkingMode.MANDATORY);
    private static final NoTextRule CONTENT = new NoTextRule(MarkingMode.CONTENT);

    @Test
    void pagesLeftUnreadAreAnErrorUnderMandatoryMarkingAndAWarningOtherwise() {
        Models off = Models.pdf().paragraph("第一页的正文").scanned(2, Outcome.OFF, "").scanned(3, Outcome.OFF, "");
        List<Finding> f = off.check(MANDATORY);
        assertEquals(1, f.size());
        assertEquals("file.no-text", f.get(0).rule());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(2, f.get(0).location().page());
        assertEquals("page(s) 2, 3 carry no text (a scan or a picture of a page) and OCR is switched off (policy ocr: off "
                + "or MARKING_OCR=off): their mark and content were not checked", f.get(0).message());
        assertEquals(Severity.WARNING, off.check(CONTENT).get(0).severity());
    }

    @Test
    void eachReasonIsSaidOnceWithItsDetail() {
        List<Finding> f = Models.pdf().scanned(1, Outcome.UNAVAILABLE, "tesseract not found")
                .scanned(2, Outcome.FAILED, "tesseract took longer than 120 s and was stopped")
                .scanned(3, Outcome.UNAVAILABLE, "tesseract not found").check(MANDATORY);
        assertEquals(2, f.size());
        assertTrue(f.get(0).message().contains("page(s) 1, 3") && f.get(0).message().contains("tesseract not found"),
                f.get(0).message());
        assertTrue(f.get(1).message().startsWith("OCR failed on page(s) 2") && f.get(1).message().contains("120 s"),
                f.get(1).message());
    }

    @Test
    void aScanInWhichOcrFoundNothingIsNotClean() {
        List<Finding> f = Models.pdf().scanned(1, Outcome.BLANK, "").check(CONTENT);
        assertEquals(1, f.size());
        assertEquals("page 1 (OCR)", f.get(0).location().describe());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void readPagesAndBlankPagesBesideTextAreNotReported() {
        assertTrue(Models.pdf().scannedLine("机密★5年", 90).scanned(1, Outcome.READ, "").check(MANDATORY).isEmpty());
        assertTrue(Models.pdf().paragraph("正文").scanned(2, Outcome.BLANK, "").check(MANDATORY).isEmpty());
        assertTrue(Models.pdf().paragraph("没有扫描页").check(MANDATORY).isEmpty());
    }

    @Test
    void theFormOfAMarkReadByOcrIsNotJudged() {
        assertTrue(Models.pdf().scannedLine("機密☆五年", 80).check(new NoncanonicalMarkingRule()).isEmpty());
        assertEquals(1, Models.pdf().block("機密☆五年").check(new NoncanonicalMarkingRule()).size());
    }

    @Test
    void aScanShowsNoWatermarkButMustShowItsRunningMark() {
        IncompleteMarkingRule rule = new IncompleteMarkingRule(MarkingParser.standard());
        Models stampedThenScanned = Models.pdf().slot(1, "page", "机密★5年", null, "机密★5年 第000123份")
                .scannedSlot(2, "机密★5年", "第000123份");
        assertTrue(stampedThenScanned.check(rule).isEmpty());
        List<Finding> f = Models.pdf().slot(1, "page", "机密★5年", null, null).scannedSlot(2, null, "第000123份")
                .check(rule);
        assertEquals(1, f.size());
        assertEquals("page 2 (OCR)", f.get(0).location().describe());
        assertEquals(Severity.WARNING, f.get(0).severity(), "OCR may have misread a small running mark");
        assertEquals(Severity.ERROR, Models.pdf().slot(1, "page", "机密★5年", null, null).slot(2, "page", null, null, null)
                .scannedSlot(3, null, null).check(rule).get(0).severity(), "a text page lacks it too");
    }

    @Test
    void theCopyNumberIsTheLineAboveTheBlocksMarkWhenTheRunningMarkIsReadFirst() {
        MarkingEvidence e = MarkingEvidence.of(Models.pdf().scannedLine("机密★5年", 70).scannedLine("000123", 93)
                .scannedLine("机密★5年", 91).scannedLine("特急", 96).build(), MarkingParser.standard());
        assertEquals("000123", e.resolved().orElseThrow().copy().orElseThrow().formatted());
        MarkingEvidence besideTitle = MarkingEvidence.of(Models.pdf().scannedLine("机密★5年", 70).scannedLine("000123", 93)
                .scannedLine("2026年度工作总结", 92).scannedLine("机密★5年", 91).build(), MarkingParser.standard());
        assertEquals("000123", besideTitle.resolved().orElseThrow().copy().orElseThrow().formatted(),
                "a title beside the block starts between 份号 and mark");
        MarkingEvidence farAbove = MarkingEvidence.of(Models.pdf().scannedLine("机密★5年", 70).scannedLine("000123", 93)
                .scannedLine("标题", 92).scannedLine("副标题", 92).scannedLine("机密★5年", 91).build(),
                MarkingParser.standard());
        assertTrue(farAbove.resolved().orElseThrow().copy().isEmpty(), "digits three lines up are no 份号");
        MarkingEvidence typed = MarkingEvidence.of(Models.pdf().block("机密★5年").block("2024").block("正文")
                .build(), MarkingParser.standard());
        assertTrue(typed.copyLines().isEmpty(), "digits below the only mark are no copy number");
    }
}
