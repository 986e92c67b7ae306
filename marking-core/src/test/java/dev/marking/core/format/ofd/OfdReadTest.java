package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.TextBlock;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.Interrupted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the OFD reader makes of built packages: reading order, layers, templates, annotations, hidden parts. */
class OfdReadTest {

    private final OfdFormat format = new OfdFormat();

    @TempDir
    Path dir;

    @Test
    void pageTextInReadingOrderAcrossLayersAndTemplates() throws Exception {
        Path file = Fixtures.ofd().template("第一页页脚模板").line("关于试验的通知").glyphs("逐字写出的一行").layer()
                .line("Layer two: A B").page().line("第二页").build(dir.resolve("a.ofd"));
        ReadModel m = format.read(file);
        assertEquals(List.of("关于试验的通知", "逐字写出的一行", "Layer two: A B", "第一页页脚模板"), texts(m, 1));
        assertEquals(List.of("第二页", "第一页页脚模板"), texts(m, 2));
        assertEquals(2, m.slots().size());
        assertEquals(List.of("关于试验的通知", "逐字写出的一行", "Layer two: A B", "第一页页脚模板"),
                m.firstPageTop().stream().map(TextBlock::text).toList(), "unstamped: the top lines of page 1");
        assertEquals(3, m.body().get(2).location().paragraph(), "lines are numbered per page");
    }

    @Test
    void defaultNamespaceReadsTheSame() throws Exception {
        Path prefixed = Fixtures.ofd().line("秘密★5年").line("正文").annotation("批注文字", "备注").customData("k", "v")
                .build(dir.resolve("p.ofd"));
        Path plain = Fixtures.ofd().unprefixed().line("秘密★5年").line("正文").annotation("批注文字", "备注")
                .customData("k", "v").build(dir.resolve("u.ofd"));
        ReadModel a = format.read(prefixed);
        ReadModel b = format.read(plain);
        assertEquals(a.body(), b.body());
        assertEquals(a.hidden(), b.hidden());
        assertEquals(a.properties(), b.properties());
    }

    @Test
    void annotationsAreTextOfTheirPageAndRemarksAreHidden() throws Exception {
        Path file = Fixtures.ofd().line("正文").page().line("第二页").annotation("批注里的字", "审阅人的备注")
                .build(dir.resolve("a.ofd"));
        ReadModel m = format.read(file);
        TextBlock annot = m.body().stream().filter(b -> "annotation".equals(b.location().part())).findFirst().orElseThrow();
        assertEquals("批注里的字", annot.text());
        assertEquals(2, annot.location().page());
        assertTrue(m.hidden().contains(new HiddenItem(HiddenKind.COMMENT, "审阅人的备注", annot.location())), m.hidden().toString());
    }

    @Test
    void hiddenContentIsReported() throws Exception {
        Path file = Fixtures.ofd().line("可见").hiddenLine("看不见的字").customData("marking.level", "秘密")
                .customData("owner", "张三").attachment("名单.txt", "附件内容".getBytes(StandardCharsets.UTF_8))
                .customTag("标签里的文字").build(dir.resolve("h.ofd"));
        ReadModel m = format.read(file);
        assertEquals(List.of("可见"), texts(m, 1));
        assertEquals("秘密", m.properties().get("marking.level"));
        List<String> kinds = m.hidden().stream().map(h -> h.kind() + ":" + h.text()).toList();
        assertTrue(kinds.contains("hidden-text:看不见的字"), kinds.toString());
        assertTrue(kinds.contains("property:owner=张三"), kinds.toString());
        assertTrue(kinds.contains("attachment:名单.txt (txt)"), kinds.toString());
        assertTrue(kinds.contains("custom-xml:标签里的文字"), kinds.toString());
        assertTrue(kinds.stream().noneMatch(k -> k.contains("marking.level")), "our own metadata is not hidden content");
    }

    @Test
    void signaturesAreReportedPresentOrAbsent() throws Exception {
        ReadModel plain = format.read(Fixtures.ofd().line("正文").build(dir.resolve("a.ofd")));
        ReadModel sealed = format.read(Fixtures.ofd().line("正文").sealedOver("/OFD.xml").build(dir.resolve("b.ofd")));
        assertEquals(null, plain.properties().get("ofd.signatures"));
        assertEquals("1", sealed.properties().get("ofd.signatures"));
    }

    @Test
    void deltasAcceptTheRepeatShorthand() {
        assertArrayEquals(new double[] {1.5, 1.5, 1.5, 2, Double.NaN}, PageObjects.deltas("g 3 1.5 2", 5));
        assertArrayEquals(new double[] {2, 7.5, 7.5}, PageObjects.deltas("2 g 2 7.5 9", 3));
    }

    private static List<String> texts(ReadModel m, int page) {
        return m.body().stream().filter(b -> b.location().page() == page && b.location().part() == null)
                .map(TextBlock::text).toList();
    }

    /**
     * Issue 18: the time limit for one file stops the OFD reader as it inflates the package, parses a part, walks a
     * page's objects or goes to the next page.
     */
    @Test
    void theReaderStopsWhenItsThreadIsInterrupted() throws Exception {
        Path file = Fixtures.ofd().line("机密★5年").line("关于试验的通知").page().line("第二页").build(dir.resolve("t.ofd"));
        assertEquals(3, format.read(file).body().size(), "the same read completes on a thread that is not interrupted");
        Interrupted.assertStops(() -> format.read(file));
        OfdXml xml = new OfdXml(OfdLimits.DEFAULT);
        OfdDocument opened = OfdDocument.open(OfdPackage.read(file, OfdLimits.DEFAULT), xml);
        Interrupted.assertStops(() -> new OfdModelReader(xml).read(opened));
    }
}
