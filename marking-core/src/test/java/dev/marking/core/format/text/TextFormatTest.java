package dev.marking.core.format.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
}
