package dev.marking.core.format.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tesseract's TSV into lines: words joined as their script writes them, stray specks and misread stars mended. */
class TsvLinesTest {

    private static final String HEADER = String.join("\t", "level", "page_num", "block_num", "par_num", "line_num",
            "word_num", "left", "top", "width", "height", "conf", "text");

    private static String word(int page, int block, int line, int top, double conf, String text) {
        return String.join("\t", "5", String.valueOf(page), String.valueOf(block), "1", String.valueOf(line), "1", "10",
                String.valueOf(top), "40", "30", String.valueOf(conf), text);
    }

    @Test
    void wordsBecomeLinesPerImageWithBoxAndConfidence() {
        String tsv = String.join("\n", HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
                word(1, 1, 1, 100, 90, "机密"), word(1, 1, 1, 102, 80, "太"), word(1, 1, 1, 98, 96, "5"),
                word(1, 1, 1, 100, 96, "年"),
                word(1, 2, 1, 200, 92, "000123"),
                word(2, 1, 1, 10, 70, "GB/T"), word(2, 1, 1, 12, 70, "9704"), word(2, 1, 1, 12, 90, "规定"),
                word(2, 1, 2, 60, 10, " "));
        List<List<TsvLines.RawLine>> lines = TsvLines.parse(tsv, 2);
        assertEquals(List.of(new TsvLines.RawLine("机密★5年", 10, 98, 50, 132, 90),
                new TsvLines.RawLine("000123", 10, 200, 50, 230, 92)),
                lines.get(0));
        assertEquals(List.of(new TsvLines.RawLine("GB/T 9704规定", 10, 10, 50, 42, 74)), lines.get(1));
    }

    @Test
    void pagesBeyondTheBatchAndJunkRowsAreIgnored() {
        String tsv = String.join("\n", HEADER, word(3, 1, 1, 10, 90, "多"), "5\tx", "");
        assertEquals(List.of(List.of()), TsvLines.parse(tsv, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "XX|部队|XX部队", "A|基地|A基地", "第|000123|第000123", "GB/T|9704|GB/T 9704", "2024|年|2024年",
        "机密|★|机密★", "★|5|★5", "Tesseract|5.3|Tesseract 5.3"})
    void wordsAreSpacedOnlyBetweenLatinOrDigits(String left, String right, String joined) {
        assertEquals(joined, TsvLines.join(left, right));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "，秘密★1年|秘密★1年", "“123456|123456", "机密★5年、|机密★5年", "机密★5年: 1|机密★5年: 1",
        "各有关单位：|各有关单位", "—— 第000123份 ——|第000123份", "XX部队于X月X日在A基地|XX部队于X月X日在A基地"})
    void specksAtTheEndsOfALineGo(String read, String kept) {
        assertEquals(kept, TsvLines.trimmed(read));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "机密太5年|机密★5年", "機密女5年|機密★5年", "绝密妈30年|绝密★30年", "秘密友6个月|秘密★6个月", "机密友长期|机密★长期", "機密長5年|機密★5年", "机密长期|机密长期",
        "机密 犬 5年|机密★5年", "本文件属机密大5年内不得公开|本文件属机密★5年内不得公开",
        "机密★5年|机密★5年", "机密☆5年|机密☆5年", "机密*5年|机密*5年", "秘密的3个月内完成|秘密的3个月内完成",
        "机密文件|机密文件", "机密十五年|机密十五年", "机密|机密", "关于机密其5年的说明|关于机密其5年的说明"})
    void aStarMisreadBetweenLevelAndTermIsAStar(String read, String restored) {
        assertEquals(restored, MarkGlyphs.restore(read));
    }

    @Test
    void aLineRunsAcrossWhenItIsAtLeastAsWideAsTall() {
        assertTrue(new TsvLines.RawLine("机密★5年", 10, 98, 250, 132, 90).across());
        assertTrue(new TsvLines.RawLine("密", 10, 10, 40, 40, 90).across());
        assertFalse(new TsvLines.RawLine("机密★5年", 10, 98, 44, 300, 90).across(), "a sideways page read as vertical writing");
    }
}
