package dev.marking.core.format.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.declass.FakeDeclassificationRule;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormatTest {

    @TempDir
    Path dir;

    private final TextFormat format = new TextFormat();

    private static StampOptions options(String level, int years, Integer copy) {
        Marking m = Marking.of(Scheme.STATE.level(level).orElseThrow(), new Term.Years(years));
        if (copy != null) {
            m = m.withCopy(new CopyNumber(copy)).withUrgency(Urgency.URGENT);
        }
        return StampOptions.all(m, "doc1", LocalDate.of(2026, 1, 5));
    }

    @Test
    void stampPrependsTheBlockAndKeepsTheText() throws Exception {
        Path in = write("a.txt", "第一行\n第二行\n");
        Path out = dir.resolve("out.txt");
        format.stamp(in, out, options("机密", 5, 3));
        assertEquals("000003\n机密★5年\n特急\n\n第一行\n第二行\n", Files.readString(out));
        ReadModel m = format.read(out);
        assertEquals("000003", m.firstPageTop().get(0).text());
        assertEquals("机密★5年", m.firstPageTop().get(1).text());
        assertEquals(2, m.firstPageTop().get(1).location().line());
    }

    @Test
    void tomlFrontMatterStaysFirstAndTheBomIsKept() throws Exception {
        Path in = dir.resolve("hugo.md");
        Files.writeString(in, "\uFEFF+++\ntitle = \"简报\"\n+++\n\n正文\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.md");
        format.stamp(in, out, options("机密", 5, null));
        assertEquals("\uFEFF+++\ntitle = \"简报\"\n+++\n机密★5年\n\n\n正文\n", Files.readString(out, StandardCharsets.UTF_8));
        assertEquals("机密★5年", format.read(out).firstPageTop().get(0).text());
    }

    @Test
    void aHandTypedLabelledMarkIsReplaced() throws Exception {
        Path in = write("a.txt", "密级：秘密\n保密期限：5年\n\n正文\n");
        Path out = dir.resolve("out.txt");
        format.stamp(in, out, options("机密", 5, null));
        assertEquals("机密★5年\n\n正文\n", Files.readString(out));
    }

    @Test
    void restampReplacesTheOldBlock() throws Exception {
        Path in = write("a.md", "# 标题\n\n正文\n");
        Path once = dir.resolve("once.md");
        Path twice = dir.resolve("twice.md");
        format.stamp(in, once, options("机密", 5, 3));
        format.stamp(once, twice, options("秘密", 2, null));
        assertEquals("秘密★2年\n\n# 标题\n\n正文\n", Files.readString(twice));
    }

    @Test
    void markdownFrontMatterStaysFirst() throws Exception {
        Path in = write("a.md", "---\ntitle: x\n---\n正文\n");
        Path out = dir.resolve("out.md");
        format.stamp(in, out, options("秘密", 1, null));
        assertEquals("---\ntitle: x\n---\n秘密★1年\n\n正文\n", Files.readString(out));
        assertEquals("秘密★1年", format.read(out).firstPageTop().get(0).text());
    }

    @Test
    void gb18030TextIsReadAndWrittenInItsOwnCharset() throws Exception {
        Charset gb = Charset.forName("GB18030");
        Path in = dir.resolve("gb.txt");
        Files.write(in, "机密★5年\n国家秘密\n".getBytes(gb));
        assertEquals("机密★5年", format.read(in).firstPageTop().get(0).text());
        Path out = dir.resolve("gb-out.txt");
        format.stamp(in, out, options("秘密", 3, null));
        assertEquals("秘密★3年\n\n国家秘密\n", new String(Files.readAllBytes(out), gb));
    }

    @Test
    void binaryFilesAreUnreadable() throws Exception {
        Path in = dir.resolve("bin.txt");
        Files.write(in, new byte[] {1, 0, 2, 0});
        DocumentException e = assertThrows(DocumentException.class, () -> format.read(in));
        assertEquals(DocumentException.Kind.UNREADABLE, e.kind());
    }

    @Test
    void stampingNeverTouchesTheInput() throws Exception {
        Path in = write("a.txt", "正文\n");
        byte[] before = Files.readAllBytes(in);
        format.stamp(in, dir.resolve("o.txt"), options("机密", 5, 1));
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Issue 16: Markdown is read with a parser, so rules see text, not markup, at the source line and column. */
    @Test
    void markdownIsReadAsTextWithSourcePositions() throws Exception {
        Path md = dir.resolve("a.md");
        Files.writeString(md, String.join("\n", "---", "title: x", "---", "# 标题 **XX部队**", "",
                "他说：**“这是……」**真的。见[链接](https://a.b/c?id=13812345678)和`rt_thread_t`。", "```c", "int XX = 0;",
                "```", ""), StandardCharsets.UTF_8);
        ReadModel m = format.read(md);
        List<String> blocks = m.body().stream()
                .map(b -> b.location().line() + ":" + b.location().column() + " " + b.text()).toList();
        assertEquals(List.of("4:3 标题 ", "4:8 XX部队", "6:1 他说：**“这是……」**真的。见", "6:19 链接", "6:52 和",
                "6:54 rt_thread_t", "6:66 。", "8:1 int XX = 0;"), blocks);
    }

    @Test
    void markdownMarkupIsNotAPlaceholderButItsTextIs() throws Exception {
        Path md = dir.resolve("b.md");
        Files.writeString(md, String.join("\n", "公开", "", "他说：**“这是……」**真的，**重点**在于落实。",
                "", "请**务必**按时到 **XX部队** 报到。", ""), StandardCharsets.UTF_8);
        ReadModel m = format.read(md);
        List<Finding> f = new FakeDeclassificationRule().check(new RuleContext(m,
                MarkingEvidence.of(m, MarkingParser.standard()), LocalDate.of(2026, 11, 30), Messages.forLang("en")));
        assertEquals(List.of("XX部队@5:14"), f.stream()
                .map(x -> x.evidence() + "@" + x.location().line() + ":" + x.location().column()).toList());
    }
}
