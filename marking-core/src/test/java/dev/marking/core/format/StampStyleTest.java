package dev.marking.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one look of our stamp: sizes per paper, the legible minimum, the watermark's lines. */
class StampStyleTest {

    @Test
    void a4IsTheReferenceOtherPaperScales() {
        assertEquals(1f, StampStyle.scale(595.28f, 841.89f));
        assertEquals(1f, StampStyle.scale(841.89f, 595.28f), "landscape A4 too");
        assertEquals(1f, StampStyle.scale(595f, 842f), "within a few points of A4");
        assertEquals(612f / 595.28f > 792f / 841.89f ? 792f / 841.89f : 612f / 595.28f, StampStyle.scale(612, 792), 1e-6,
                "Letter: the tighter of the two sides");
        assertEquals(16f, StampStyle.size(StampStyle.BLOCK_PT, 1f));
        assertEquals(StampStyle.MIN_PT, StampStyle.size(StampStyle.BLOCK_PT, 0.1f), "never below the legible minimum");
    }

    @Test
    void watermarkLinesWrapAndAbbreviateButNeverShrink() {
        assertEquals(List.of("机密★5年 第000001份 张三"), StampStyle.watermarkLines("机密★5年 第000001份", "张三"));
        assertEquals(List.of("机密★5年 第000001份", "某研究所第三研究室"),
                StampStyle.watermarkLines("机密★5年 第000001份", "某研究所第三研究室"));
        List<String> cut = StampStyle.watermarkLines("机密★5年 第000001份", "一二三四五六七八九十一二三四五六七八九十");
        assertTrue(cut.get(1).endsWith("…") && StampStyle.em(cut.get(1)) <= StampStyle.WATERMARK_MAX_EM, cut.toString());
        assertEquals(List.of("机密★5年"), StampStyle.watermarkLines("机密★5年", null));
    }

    @Test
    void coloursAsComponentsAndHex() {
        assertEquals("C00000", StampStyle.hex(StampStyle.RUNNING_RGB));
        float[] c = StampStyle.components(StampStyle.RUNNING_RGB);
        assertEquals(0xC0 / 255f, c[0], 1e-6);
        assertEquals(0f, c[1]);
    }
}
