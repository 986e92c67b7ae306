package dev.marking.core.rules.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.MetadataKeys;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Severity;
import dev.marking.core.testing.Models;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positive and negative cases of each marking rule, side by side. */
class MarkingRulesTest {

    private static Models stamped() {
        return Models.docx().block("000003").block("机密★5年").paragraph("正文")
                .slot(1, "default", "机密★5年", "第000003份", "机密★5年 第000003份")
                .property(MetadataKeys.LEVEL, "机密").property(MetadataKeys.TERM, "5年")
                .property(MetadataKeys.COPY, "000003").property(MetadataKeys.STAMPED, "2026-01-05");
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    @Test
    void missingPositiveAndNegative() {
        List<Finding> none = Models.docx().paragraph("普通文本").check(new MissingMarkingRule());
        assertEquals(1, none.size());
        assertEquals("the document carries no classification mark: mark it (e.g. 机密★5年) or declare it 公开/非密",
                none.get(0).message());
        assertTrue(Models.docx().block("公开").check(new MissingMarkingRule()).isEmpty());
        assertTrue(stamped().check(new MissingMarkingRule()).isEmpty());
    }

    @Test
    void missingWhenOnlyMetadataCarriesTheMark() {
        List<Finding> f = Models.docx().paragraph("正文").property(MetadataKeys.LEVEL, "机密")
                .property(MetadataKeys.TERM, "5年").check(new MissingMarkingRule());
        assertEquals("metadata says 机密★5年 but no visible mark is on the document", f.get(0).message());
    }

    @Test
    void invalidPositiveAndNegative() {
        List<Finding> f = Models.docx().block("秘密★15年").check(new InvalidMarkingRule());
        assertEquals(1, f.size());
        assertEquals("秘密★15年", f.get(0).evidence());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(stamped().check(new InvalidMarkingRule()).isEmpty());
    }

    @Test
    void noncanonicalPositiveAndNegative() {
        List<Finding> f = Models.docx().block("机密☆五年").check(new NoncanonicalMarkingRule());
        assertEquals(1, f.size());
        assertEquals("non-canonical mark 机密☆五年: write 机密★5年", f.get(0).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(stamped().check(new NoncanonicalMarkingRule()).isEmpty());
    }

    @Test
    void unstatedTermIsInfo() {
        List<Finding> f = Models.docx().block("机密").check(new NoncanonicalMarkingRule());
        assertEquals(1, f.size());
        assertEquals(Severity.INFO, f.get(0).severity());
        assertEquals("no term stated in 机密: the maximum for 机密 applies (20 years)", f.get(0).message());
        assertTrue(Models.docx().block("公开").check(new NoncanonicalMarkingRule()).isEmpty());
    }

    @Test
    void inconsistentPositiveAndNegative() {
        List<Finding> f = stamped().property(MetadataKeys.LEVEL, "秘密").check(new InconsistentMarkingRule());
        assertEquals(1, f.size());
        assertEquals("the first-page block says 机密★5年 but the metadata says 秘密★5年", f.get(0).message());
        List<Finding> header = Models.docx().block("机密★5年").slot(1, "default", "秘密★5年", null, null)
                .check(new InconsistentMarkingRule());
        assertEquals(1, header.size());
        assertTrue(stamped().check(new InconsistentMarkingRule()).isEmpty());
        assertTrue(Models.docx().block("机密☆五年").slot(1, "default", "机密★5年", null, null)
                .check(new InconsistentMarkingRule()).isEmpty(), "variants of one mark agree");
    }

    @Test
    void incompletePositiveAndNegative() {
        IncompleteMarkingRule rule = new IncompleteMarkingRule(MarkingParser.standard());
        List<Finding> f = stamped().slot(2, "default", "第二节页眉", null, null).slot(2, "first", null, null, "机密★5年")
                .check(rule);
        assertEquals(List.of("marking.incomplete", "marking.incomplete"), rules(f));
        assertEquals("the running mark is missing in section 2 default, section 2 first", f.get(0).message());
        assertEquals("the watermark is missing in section 2 default", f.get(1).message());
        assertTrue(stamped().check(rule).isEmpty());
        assertTrue(Models.docx().block("机密★5年").slot(1, "default", "页眉", null, null).check(rule).isEmpty(),
                "a hand-marked document without running marks is not incomplete");
    }

    @Test
    void incompleteNamesAppendedPdfPages() {
        Models m = Models.pdf().block("机密★5年");
        for (int p = 1; p <= 3; p++) {
            m.slot(p, "page", "机密★5年", null, "机密★5年");
        }
        m.slot(4, "page", null, null, null);
        List<Finding> f = m.check(new IncompleteMarkingRule(MarkingParser.standard()));
        assertEquals(2, f.size());
        assertEquals("the running mark is missing in page 4", f.get(0).message());
        assertEquals(4, f.get(0).location().page());
    }

    @Test
    void expiredPositiveAndNegative() {
        TermExpiredRule rule = new TermExpiredRule();
        List<Finding> f = stamped().check(rule, LocalDate.of(2031, 1, 6));
        assertEquals(1, f.size());
        assertEquals("the term 5年 ended on 2031-01-05 (counted from 2026-01-05): the document is due for "
                + "declassification review", f.get(0).message());
        assertTrue(stamped().check(rule, LocalDate.of(2031, 1, 5)).isEmpty(), "the last day is still within the term");
        assertTrue(stamped().property(MetadataKeys.ISSUED, "2027-01-01").check(rule, LocalDate.of(2031, 6, 1)).isEmpty(),
                "the issue date wins over the stamp date");
        assertEquals(1, Models.docx().block("机密★2020年1月1日").check(rule).size());
        assertTrue(Models.docx().block("机密★5年").check(rule).isEmpty(), "no start date known: nothing to say");
    }

    @Test
    void copyNumberPositiveAndNegative() {
        CopyNumberRule rule = new CopyNumberRule();
        assertTrue(stamped().check(rule).isEmpty());
        List<Finding> shape = Models.docx().block("123").block("机密★5年").check(rule);
        assertEquals("copy number 123 must have six digits (e.g. 000123)", shape.get(0).message());
        List<Finding> zero = Models.docx().block("000000").block("机密★5年").check(rule);
        assertEquals("copy number 000000 is not a valid copy number", zero.get(0).message());
        List<Finding> mismatch = stamped().property(MetadataKeys.COPY, "000004").check(rule);
        assertEquals(1, mismatch.size());
        assertEquals("copy number 000003 in the first-page block but 000004 in the metadata", mismatch.get(0).message());
    }
}
