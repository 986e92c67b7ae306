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

class MarkingParserTest {

    private final MarkingParser parser = MarkingParser.standard();
    private final Messages en = Messages.forLang("en");

    private ParsedMark only(String text) {
        List<ParsedMark> all = parser.findAll(text);
        assertEquals(1, all.size(), () -> "one mark expected in " + text + " but got " + all);
        return all.get(0);
    }

    @ParameterizedTest(name = "canonical {0}")
    @CsvSource({
        "机密★5年, 机密, 5年",
        "绝密★30年, 绝密, 30年",
        "秘密★6个月, 秘密, 6个月",
        "机密★2030年12月31日, 机密, 2030年12月31日",
        "绝密★长期, 绝密, 长期",
        "秘密★10年, 秘密, 10年",
    })
    void acceptsCanonicalForms(String text, String level, String term) {
        ParsedMark p = only(text);
        assertTrue(p.valid(), () -> p.errors().toString());
        assertFalse(p.noncanonical());
        assertEquals(level, p.marking().get().level().name());
        assertEquals(term, p.marking().get().term().canonical());
        assertEquals(text, p.marking().get().mark());
    }

    @ParameterizedTest(name = "variant {0} -> {1}")
    @CsvSource({
        "机密☆5年, 机密★5年",
        "机密*5年, 机密★5年",
        "机密＊5年, 机密★5年",
        "机密 5年, 机密★5年",
        "机密　★　5年, 机密★5年",
        "机密★5 年, 机密★5年",
        "机密★五年, 机密★5年",
        "绝密★三十年, 绝密★30年",
        "秘密★十年, 秘密★10年",
        "机密★十五年, 机密★15年",
        "机密★５年, 机密★5年",
        "机密★6個月, 机密★6个月",
        "机密★2030年01月05日, 机密★2030年1月5日",
        "秘密★两年, 秘密★2年",
    })
    void acceptsVariantsAndReportsTheCanonicalForm(String text, String canonical) {
        ParsedMark p = only(text);
        assertTrue(p.valid(), () -> p.errors().toString());
        assertTrue(p.noncanonical(), () -> text + " should be non-canonical");
        assertEquals(canonical, p.canonical());
        assertEquals(canonical, p.marking().get().mark());
    }

    @Test
    void bareLevelAndStarWithoutTermMeanTermUnstated() {
        ParsedMark bare = only("机密");
        assertTrue(bare.valid());
        assertTrue(bare.termUnstated());
        assertFalse(bare.noncanonical());
        ParsedMark star = only("机密★");
        assertTrue(star.termUnstated());
        assertFalse(star.noncanonical());
    }

    @Test
    void unclassifiedWordsAreMarks() {
        ParsedMark p = only("公开");
        assertTrue(p.valid());
        assertFalse(p.marking().get().level().classified());
        assertTrue(only("非密").valid());
        assertTrue(only("密级：公开").valid());
    }

    @Test
    void otherSchemesAreRecognised() {
        assertEquals("work", only("工作秘密★3年").marking().get().level().scheme());
        assertEquals("internal", only("内部资料").marking().get().level().scheme());
        assertEquals("commercial", only("核心商密★10年").marking().get().level().scheme());
        assertEquals("TOP SECRET", only("TOP SECRET").marking().get().level().name());
    }

    @ParameterizedTest(name = "rejects {0}")
    @CsvSource(delimiter = '|', value = {
        "秘密★15年|the term 15年 is longer than the maximum of 10 years for 秘密",
        "机密★21年|the term 21年 is longer than the maximum of 20 years for 机密",
        "绝密★31年|the term 31年 is longer than the maximum of 30 years for 绝密",
        "秘密★121个月|the term 121个月 is longer than the maximum of 10 years for 秘密",
        "机密★长期|长期 (long-term) is only allowed for 绝密, not 机密",
        "机密★0年|the term 0年 is not a positive number of years or months",
        "机密★2030年2月30日|the declassification date 2030年2月30日 is not a real date",
        "公开★5年|公开 is not a classified level and takes no term",
    })
    void rejectsWithAMessage(String text, String message) {
        ParsedMark p = only(text);
        assertFalse(p.valid());
        Message m = p.errors().get(0);
        assertEquals(message, en.format(m.key(), m.args().toArray()));
    }

    @Test
    void termAtTheMaximumIsValid() {
        assertTrue(only("秘密★120个月").valid());
        assertTrue(only("绝密★30年").valid());
    }

    @Test
    void proseIsNotAMark() {
        assertTrue(parser.findAll("我们要保守国家秘密和工作秘密。").isEmpty());
        assertTrue(parser.findAll("本项目涉及机密 5年内完成").isEmpty());
        assertTrue(parser.findAll("SECRET agents").isEmpty());
    }

    @Test
    void markInsideAHeaderLineIsFoundWithItsOffsets() {
        String header = "某某单位文件    机密★5年";
        ParsedMark p = only(header);
        assertEquals("机密★5年", header.substring(p.start(), p.end()));
    }

    @Test
    void watermarkTextCarriesCopyNumberAfterTheMark() {
        ParsedMark p = only("机密★5年 第000123份");
        assertEquals("机密★5年", p.raw());
    }

    @Test
    void dateTermEndsOnItsDateAndYearsCountFromStart() {
        Term until = only("机密★2030年12月31日").marking().get().term();
        assertEquals(LocalDate.of(2030, 12, 31), until.endsOn(LocalDate.of(2000, 1, 1)).get());
        Term years = only("机密★5年").marking().get().term();
        assertEquals(LocalDate.of(2031, 1, 5), years.endsOn(LocalDate.of(2026, 1, 5)).get());
    }

    @Test
    void specBuildsMarksFromCommandLineParts() {
        assertEquals("机密★5年", MarkingSpec.parse(parser, "机密", "5").marking().get().mark());
        assertEquals("机密★2030年12月31日", MarkingSpec.parse(parser, "机密", "2030-12-31").marking().get().mark());
        assertEquals("秘密★6个月", MarkingSpec.parse(parser, "秘密", "6个月").marking().get().mark());
        assertEquals("公开", MarkingSpec.parse(parser, "公开", null).marking().get().mark());
        ParsedMark unknown = MarkingSpec.parse(parser, "超密", "5");
        assertEquals("spec.unknown-level", unknown.errors().get(0).key());
        assertFalse(MarkingSpec.parse(parser, "秘密", "11").valid());
    }

    @Test
    void copyNumbersAreSixDigits() {
        assertEquals("000123", new CopyNumber(123).formatted());
        assertEquals("000123", CopyNumber.digitsOfLine(" 000123 "));
        assertEquals("000123", CopyNumber.digitsOfLine("份号：000123"));
        assertEquals("000123", CopyNumber.digitsOfLine("０００１２３"));
        assertEquals("", CopyNumber.digitsOfLine("第1章"));
    }
}
