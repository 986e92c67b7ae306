package dev.marking.core.format.pptx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import dev.marking.core.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PptxReadTest {

    private final PptxFormat format = new PptxFormat();

    @TempDir
    Path dir;

    @Test
    void slidesAreReadTopToBottomWithTheirSlide() throws Exception {
        ReadModel m = format.read(Fixtures.pptx().slide().text("标题").text("正文一").slide().text("第二张")
                .build(dir.resolve("a.pptx")));
        assertEquals("pptx", m.format());
        assertEquals(Unit.SLIDE, m.unit());
        assertEquals(List.of(new TextBlock("标题", Location.slide(1).withParagraph(1)),
                new TextBlock("正文一", Location.slide(1).withParagraph(2)),
                new TextBlock("第二张", Location.slide(2).withParagraph(1))), m.body());
        assertEquals(List.of("标题", "正文一"), texts(m.firstPageTop()));
        assertEquals(List.of(1, 2), m.slots().stream().map(s -> s.unit()).toList());
        assertTrue(m.slots().stream().allMatch(s -> s.type() == SlotType.SLIDE));
    }

    @Test
    void notesAndCommentsAreTextTheRulesReadAndHiddenContent() throws Exception {
        ReadModel m = format.read(Fixtures.pptx().slide().text("正文").notes("讲稿 13812345678").comment("请核对数字")
                .build(dir.resolve("n.pptx")));
        Location notes = Location.slide(1).withPart("notes");
        assertTrue(m.body().contains(new TextBlock("讲稿 13812345678", notes.withParagraph(1))), m.body().toString());
        assertTrue(m.body().contains(new TextBlock("请核对数字", Location.slide(1).withPart("comment"))));
        assertEquals(List.of(new HiddenItem(HiddenKind.SPEAKER_NOTES, "讲稿 13812345678", notes),
                new HiddenItem(HiddenKind.COMMENT, "请核对数字", Location.slide(1).withPart("comment"))), m.hidden());
    }

    @Test
    void aHiddenSlideIsHiddenContentAndStillRead() throws Exception {
        ReadModel m = format.read(Fixtures.pptx().slide().text("公开").slide().text("不放映的内容").hidden()
                .build(dir.resolve("h.pptx")));
        assertEquals(List.of(new HiddenItem(HiddenKind.HIDDEN_SLIDE, "不放映的内容", Location.slide(2))), m.hidden());
        assertTrue(texts(m.body()).contains("不放映的内容"));
    }

    @Test
    void masterTextIsRunningTextOfEverySlideThatShowsTheMaster() throws Exception {
        ReadModel m = format.read(Fixtures.pptx().masterText("机密★5年")
                .slide().text("一")
                .slide().text("二").hideMasterShapes()
                .slideOnLayoutHidingMaster().text("三")
                .build(dir.resolve("m.pptx")));
        assertEquals(List.of(List.of("机密★5年"), List.of(), List.of()),
                m.slots().stream().map(s -> texts(s.header())).toList());
        assertEquals(List.of("一", "二", "三"), texts(m.body()), "master text is not slide body");
    }

    @Test
    void negativePlainPresentationHasNoHiddenContentNorRunningText() throws Exception {
        ReadModel m = format.read(Fixtures.pptx().slide().text("正文").build(dir.resolve("plain.pptx")));
        assertEquals(List.of(), m.hidden());
        assertEquals(List.of(), m.slots().get(0).header());
        assertEquals(List.of(), m.slots().get(0).watermarks());
    }

    static List<String> texts(List<TextBlock> blocks) {
        return blocks.stream().map(TextBlock::text).toList();
    }
}
