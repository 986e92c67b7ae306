package dev.marking.core.format.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import dev.marking.core.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadTest {

    private final XlsxFormat format = new XlsxFormat();

    @TempDir
    Path dir;

    @Test
    void cellsAreReadAsShownWithTheirCell() throws Exception {
        Path file = Fixtures.xlsx().sheet("数据")
                .cell("C7", "XX部队")
                .number("B2", 0.25, "0.00%")
                .number("B3", 45658, "yyyy\"年\"m\"月\"d\"日\"")
                .number("B8", 45658, "yyyy\\年m\\月")
                .formula("B4", "SUM(1,41)", 42)
                .inline("B5", "内联文字")
                .rich("B6", "甲", "乙", "丙")
                .build(dir.resolve("a.xlsx"));
        ReadModel m = format.read(file);
        assertEquals("xlsx", m.format());
        assertEquals(Unit.SHEET, m.unit());
        Map<String, String> byCell = m.body().stream()
                .collect(Collectors.toMap(b -> b.location().describe(), TextBlock::text));
        assertEquals(Map.of("数据!C7", "XX部队", "数据!B2", "25.00%", "数据!B3", "2025年1月1日", "数据!B4", "42",
                "数据!B5", "内联文字", "数据!B6", "甲乙丙", "数据!B8", "2025年1月"), byCell);
        assertEquals(List.of("B2", "B3", "B4", "B5", "B6", "C7", "B8"),
                m.body().stream().map(b -> b.location().cell()).toList(), "row by row");
    }

    @Test
    void headerAndFooterVariantsAreSlotsPerSheet() throws Exception {
        Path file = Fixtures.xlsx()
                .sheet("Sheet1").cell("A1", "x").header("&L左边&C&\"黑体,加粗\"中间&R第&P页").footer("&C&A")
                .sheet("Sheet2").cell("A1", "y").header("&C默认").firstHeader("&C首页").evenHeader("&C偶数页")
                .build(dir.resolve("h.xlsx"));
        ReadModel m = format.read(file);
        assertEquals(List.of("1:default", "2:default", "2:first", "2:even"),
                m.slots().stream().map(s -> s.unit() + ":" + s.type()).toList());
        RunningSlot first = m.slots().get(0);
        assertEquals(List.of("左边", "中间", "第#页"), texts(first.header()));
        assertEquals(List.of("Sheet1"), texts(first.footer()));
        assertEquals(Location.sheet("Sheet1"), first.where());
        assertEquals("sheet Sheet1, header:default, paragraph 2", first.header().get(1).location().describe());
        assertEquals(List.of("首页"), texts(m.slots().get(2).header()));
        assertEquals(SlotType.EVEN, m.slots().get(3).type());
        assertEquals(List.of("偶数页"), texts(m.slots().get(3).header()));
    }

    @Test
    void notesAreTextTheRulesReadAndHiddenContent() throws Exception {
        Path file = Fixtures.xlsx().cell("A1", "名单").note("A1", "联系人 13812345678").build(dir.resolve("n.xlsx"));
        ReadModel m = format.read(file);
        Location at = Location.cell("Sheet1", "A1").withPart("comment");
        assertTrue(m.body().contains(new TextBlock("联系人 13812345678", at)), m.body().toString());
        assertTrue(m.hidden().contains(new HiddenItem(HiddenKind.COMMENT, "联系人 13812345678", at)), m.hidden().toString());
    }

    @Test
    void hiddenSheetsRowsAndColumnsAreHiddenContentAndStillRead() throws Exception {
        Path file = Fixtures.xlsx()
                .sheet("公开").cell("A1", "表头").cell("A3", "隐藏行文字").hideRow(3).cell("D2", "隐藏列文字").hideColumn("D")
                .sheet("内部").cell("B2", "隐藏表里的资料").hidden()
                .build(dir.resolve("hidden.xlsx"));
        ReadModel m = format.read(file);
        assertEquals(List.of(
                new HiddenItem(HiddenKind.HIDDEN_CELLS, "隐藏行文字", Location.cell("公开", "A3").withPart("hidden-row")),
                new HiddenItem(HiddenKind.HIDDEN_CELLS, "隐藏列文字", Location.cell("公开", "D2").withPart("hidden-column")),
                new HiddenItem(HiddenKind.HIDDEN_SHEET, "隐藏表里的资料", Location.sheet("内部"))), m.hidden());
        assertTrue(texts(m.body()).containsAll(List.of("隐藏行文字", "隐藏列文字", "隐藏表里的资料")));
        assertEquals(List.of("表头", "隐藏列文字", "隐藏行文字"), texts(m.firstPageTop()), "the first shown sheet's cells");
    }

    @Test
    void definedNamesHoldingTextAreRead() throws Exception {
        Path file = Fixtures.xlsx().cell("A1", "x").name("坐标", "\"XX基地 东经120度\"").name("区域", "Sheet1!$A$1")
                .build(dir.resolve("names.xlsx"));
        List<TextBlock> names = format.read(file).body().stream().filter(b -> b.location().part() != null
                && b.location().part().startsWith("name:")).toList();
        assertEquals(List.of(new TextBlock("坐标: \"XX基地 东经120度\"", Location.part("name:坐标"))), names);
    }

    @Test
    void propertiesAndPeopleAreRead() throws Exception {
        Path file = Fixtures.xlsx().cell("A1", "x").property("marking.level", "机密").property("marking.term", "5年")
                .build(dir.resolve("p.xlsx"));
        ReadModel m = format.read(file);
        assertEquals("机密", m.properties().get("marking.level"));
        assertEquals("5年", m.properties().get("marking.term"));
    }

    @Test
    void negativePlainWorkbookHasNoHiddenContentNorSlotsBeyondTheDefault() throws Exception {
        ReadModel m = format.read(Fixtures.xlsx().cell("A1", "正文").build(dir.resolve("plain.xlsx")));
        assertEquals(List.of(), m.hidden());
        assertEquals(1, m.slots().size());
        assertEquals(List.of(), m.slots().get(0).header());
        assertEquals(List.of(), m.slots().get(0).watermarks());
    }

    static List<String> texts(List<TextBlock> blocks) {
        return blocks.stream().map(TextBlock::text).toList();
    }
}
