package dev.marking.core.format.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkGlyphsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"834657/\"|834657", "\"7/55090\"|755090", "\"/742162\"|742162", "\"12345|6\"|123456",
        "\"2023/12\"|2023/12", "\"1/2\"|1/2", "\"/42162\"|/42162", "\"123/456\"|123/456",
        "机密妈5年|机密★5年", "此事秘密的3个月内办完|此事秘密的3个月内办完"})
    void restoresStarsAndCopyNumbersOnlyWhereNothingElseFits(String read, String restored) {
        assertEquals(restored, MarkGlyphs.restore(read));
    }
}
