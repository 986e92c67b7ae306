package dev.marking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.text.Messages;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traditional-script marks (DESIGN §1.9) and the terms that are impossible values (issue 14). */
class ScriptAndTermTest {

    private final MarkingParser simplified = MarkingParser.standard();
    private final MarkingParser traditional = new MarkingParser(Scheme.BUILT_IN, true, Script.TRADITIONAL);
    private final Messages en = Messages.forLang("en");

    private static ParsedMark only(MarkingParser parser, String text) {
        List<ParsedMark> all = parser.findAll(text);
        assertEquals(1, all.size(), () -> "one mark expected in " + text + " but got " + all);
        return all.get(0);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "機密★5年|机密|5年|机密★5年",
        "絕密★長期|绝密|长期|绝密★长期",
        "祕密★10年|秘密|10年|秘密★10年",
        "祕密|秘密|-|秘密",
        "機密☆五年|机密|5年|机密★5年",
        "公開|公开|-|公开",
        "機密★2099年12月31日|机密|2099年12月31日|机密★2099年12月31日",
        "機密★6個月|机密|6个月|机密★6个月",
        "內部|内部|-|内部",
        "密級：機密★5年|机密|5年|机密★5年",
        "機密★５年|机密|5年|机密★5年",
    })
    void traditionalMarksReadAsTheSameLevelAndTermAndAreNoncanonical(String text, String level, String term,
            String canonical) {
        ParsedMark p = only(simplified, text);
        assertTrue(p.valid(), () -> p.errors().toString());
        assertEquals(level, p.marking().get().level().name());
        assertEquals(term == null ? "" : term, p.marking().get().term().canonical());
        assertTrue(p.noncanonical(), () -> text + " should be non-canonical under the Simplified script");
        assertEquals(canonical, p.canonical());
        assertTrue(text.endsWith(p.raw()), () -> "raw is quoted as written: " + p.raw());
    }

    @Test
    void traditionalTermTooLongIsInvalid() {
        ParsedMark p = only(simplified, "祕密★15年");
        assertFalse(p.valid());
        assertEquals("the term 15年 is longer than the maximum of 10 years for 秘密",
                en.format(p.errors().get(0).key(), p.errors().get(0).args().toArray()));
    }

    @Test
    void offsetsInTraditionalTextQuoteTheOriginal() {
        String header = "某某單位文件    機密★5年";
        ParsedMark p = only(simplified, header);
        assertEquals("機密★5年", header.substring(p.start(), p.end()));
    }

    @ParameterizedTest(name = "traditional script: {0}")
    @CsvSource(delimiter = '|', value = {
        "機密★5年|false|機密★5年",
        "絕密★長期|false|絕密★長期",
        "祕密★10年|false|祕密★10年",
        "公開|false|公開",
        "机密★5年|true|機密★5年",
        "秘密★6个月|true|祕密★6個月",
    })
    void underTheTraditionalScriptTraditionalIsCanonical(String text, boolean noncanonical, String canonical) {
        ParsedMark p = only(traditional, text);
        assertTrue(p.valid(), () -> p.errors().toString());
        assertEquals(noncanonical, p.noncanonical());
        assertEquals(canonical, p.canonical());
    }

    @Test
    void stampsAreWrittenInThePolicysScript() {
        Marking m = MarkingSpec.parse(traditional, "机密", "5").marking().orElseThrow();
        assertEquals("機密★5年", m.mark());
        assertEquals("機密★5年 第000007份", m.withCopy(new CopyNumber(7)).watermarkText());
        assertEquals("机密", m.level().name(), "metadata keeps the canonical level name");
        assertEquals("机密★5年", MarkingSpec.parse(simplified, "機密", "5").marking().orElseThrow().mark());
        assertEquals("絕密★長期", MarkingSpec.parse(traditional, "絕密", "長期").marking().orElseThrow().mark());
    }

    @ParameterizedTest(name = "impossible term in a document: {0}")
    @CsvSource(delimiter = '|', value = {
        "机密★-1|parse.bad-term",
        "机密★+5|parse.bad-term",
        "机密★-5年|parse.bad-term",
        "机密★0|parse.bad-term",
        "机密★0年|parse.bad-number",
        "机密★99999999999999999999|parse.bad-term",
        "机密★99999年|parse.bad-term",
        "机密★2030-02-31|parse.bad-date",
        "機密★-1|parse.bad-term",
        "机密★五|parse.bad-term",
    })
    void impossibleTermsWrittenInADocumentAreInvalid(String text, String key) {
        ParsedMark p = only(simplified, text);
        assertFalse(p.valid(), text);
        assertEquals(key, p.errors().get(0).key());
        assertEquals(text, p.raw());
    }

    @ParameterizedTest(name = "impossible term given to stamp: {0}")
    @CsvSource(delimiter = '|', value = {
        "-1|parse.bad-term",
        "+5|parse.bad-term",
        "-5年|parse.bad-term",
        "0|parse.bad-number",
        "99999999999999999999|parse.bad-term",
        "2030-02-31|parse.bad-date",
        "21|parse.too-long",
        "abc|parse.bad-term",
    })
    void impossibleTermsAreRefusedBeforeStamping(String term, String key) {
        ParsedMark p = MarkingSpec.parse(simplified, "机密", term);
        assertFalse(p.valid(), term);
        assertTrue(p.marking().isEmpty() || !p.errors().isEmpty());
        assertEquals(key, p.errors().get(0).key());
    }

    @Test
    void conditionsInWordsAndIsoDatesStillRead() {
        ParsedMark cond = only(simplified, "机密★项目验收后解密");
        assertTrue(cond.valid(), () -> cond.errors().toString());
        assertEquals(new Term.Condition("项目验收后解密"), cond.marking().get().term());
        ParsedMark iso = only(simplified, "机密★2030-12-31");
        assertTrue(iso.valid());
        assertTrue(iso.noncanonical());
        assertEquals("机密★2030年12月31日", iso.canonical());
        assertEquals(LocalDate.of(2030, 12, 31), iso.marking().get().term().endsOn(LocalDate.of(2026, 1, 1)).get());
        assertTrue(only(simplified, "标为“机密★”的文件").valid(), "a closing quote is not a condition");
    }

    @ParameterizedTest(name = "form fields {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "密级：机密/保密期限：5年|机密★5年|0|1",
        "密級：機密/保密期限：5年|机密★5年|0|1",
        "密级 机密/保密期限 5年|机密★5年|0|1",
        "密级：机密  保密期限：5年|机密★5年|0|0",
        "密级：机密/其他/保密期限：6个月|机密★6个月|0|2",
        "份号/000123/密级/机密/保密期限/5年|机密★5年|2|5",
        "密 级：秘密/解密时间：2030年12月31日|秘密★2030年12月31日|0|1",
        "密級/機密/保密期限/長期|-|-|-",
    })
    void labelledFieldsCombineIntoOneMark(String lines, String mark, String first, String last) {
        var found = simplified.findLabelled(List.of(lines.split("/|\\|")));
        if (mark == null) {
            assertTrue(found.isPresent());
            assertFalse(found.get().mark().valid(), "长期 is only for 绝密");
            return;
        }
        assertTrue(found.isPresent(), lines);
        ParsedMark p = found.get().mark();
        assertTrue(p.valid(), () -> p.errors().toString());
        assertEquals(mark, p.marking().get().mark());
        assertEquals(Integer.parseInt(first), found.get().firstLine());
        assertEquals(Integer.parseInt(last), found.get().lastLine());
        assertTrue(found.get().hasMoreThanLevel());
    }

    @Test
    void labelledFormsCarryTheClassificationDateAndRefuseImpossibleTerms() {
        var dated = simplified.findLabelled(List.of("密级：机密", "定密日期：2025年3月1日", "保密期限：5年")).orElseThrow();
        assertEquals(LocalDate.of(2025, 3, 1), dated.mark().marking().get().issued().orElseThrow());
        assertEquals(2, dated.lastLine());
        var negative = simplified.findLabelled(List.of("密级：机密", "保密期限：-1")).orElseThrow();
        assertEquals("parse.bad-term", negative.mark().errors().get(0).key());
        assertEquals("密级：机密 保密期限：-1", negative.mark().raw());
        var tooLong = simplified.findLabelled(List.of("密級：祕密", "保密期限：15年")).orElseThrow();
        assertEquals("parse.too-long", tooLong.mark().errors().get(0).key());
        assertFalse(simplified.findLabelled(List.of("密级：机密")).orElseThrow().hasMoreThanLevel());
        assertTrue(simplified.findLabelled(List.of("本文件密级为机密，保密期限5年。")).isEmpty());
        assertFalse(simplified.findLabelled(List.of("密级：机密", "保密期限：5年")).orElseThrow().mark().noncanonical());
        assertTrue(simplified.findLabelled(List.of("密級：機密", "保密期限：5年")).orElseThrow().mark().noncanonical());
        assertFalse(traditional.findLabelled(List.of("密級：機密", "保密期限：5年")).orElseThrow().mark().noncanonical());
    }
}
