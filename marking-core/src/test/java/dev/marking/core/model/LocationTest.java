package dev.marking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.text.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationTest {

    private static final Messages EN = Messages.forLang("en");
    private static final Messages ZH = Messages.forLang("zh");

    @Test
    void describesItselfInTheReportsLanguage() {
        Location at = new Location("body", 0, 2, 7, 0, 0);
        assertEquals("page 2, paragraph 7", at.describe(EN));
        assertEquals("第2页第7段", at.describe(ZH));
        assertEquals("line 1, column 28", Location.line(1, 28).describe(EN));
        assertEquals("第1行第28列", Location.line(1, 28).describe(ZH));
        assertEquals("section 2, header:first, paragraph 1", new Location("header:first", 2, 0, 1, 0, 0).describe(EN));
        assertEquals("第2节页眉（首页）第1段", new Location("header:first", 2, 0, 1, 0, 0).describe(ZH));
        assertEquals("", Location.FILE.describe(ZH));
    }

    @Test
    void placesReadByOcrSaySoWithTheirConfidence() {
        Location line = new Location(null, 0, 1, 3, 0, 0).withOcr(new Ocr(87)).withColumn(5);
        assertEquals("page 1 (OCR 87%), paragraph 3, column 5", line.describe(EN));
        assertEquals("第1页（OCR，置信度87%）第3段第5列", line.describe(ZH));
        assertEquals("page 2 (OCR)", Location.page(2).withOcr(Ocr.PAGE).describe(EN));
        assertEquals("第2页（OCR）", Location.page(2).withOcr(Ocr.PAGE).describe(ZH));
        assertEquals(87, line.withPart("header").withParagraph(1).ocr().confidence(), "kept by every with…");
        assertTrue(new Location(null, 0, 1, 3, 0, 0).compareTo(line.withColumn(0)) < 0, "the text layer first");
    }

    @Test
    void namesSheetsCellsAndSlides() {
        assertEquals("Sheet1!C7", Location.cell("Sheet1", "C7").describe(EN));
        assertEquals("'Q1 plan'!B2", Location.cell("Q1 plan", "B2").describe(EN));
        assertEquals("'O''Brien'!A1", Location.cell("O'Brien", "A1").describe(EN));
        assertEquals("sheet 汇总", Location.sheet("汇总").describe(EN));
        assertEquals("工作表汇总", Location.sheet("汇总").describe(ZH));
        assertEquals("slide 3", Location.slide(3).describe(EN));
        assertEquals("第3张幻灯片", Location.slide(3).describe(ZH));
        assertEquals("slide 3, notes, paragraph 2", Location.slide(3).withPart("notes").withParagraph(2).describe(EN));
    }

    @Test
    void partsWithoutAChineseNameStayAsWritten() {
        assertEquals("under-box", new Location("under-box", 0, 0, 0, 0, 0).describe(ZH));
        assertEquals("元数据", Location.part("metadata").describe(ZH));
        assertEquals("文档属性（Title）", Location.part("property:Title").describe(ZH));
    }

    @Test
    void sortsByPlaceThenCellsInReadingOrder() {
        List<Location> sorted = new ArrayList<>(List.of(Location.cell("A", "C10"), Location.page(2), Location.cell("A", "C9"),
                Location.cell("A", "AA1"), Location.page(1), Location.FILE));
        Collections.sort(sorted);
        assertEquals(List.of(Location.FILE, Location.cell("A", "AA1"), Location.cell("A", "C9"), Location.cell("A", "C10"),
                Location.page(1), Location.page(2)), sorted);
        assertTrue(Location.slide(1).compareTo(Location.slide(2)) < 0);
    }
}
