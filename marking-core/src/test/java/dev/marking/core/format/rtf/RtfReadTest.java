package dev.marking.core.format.rtf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.scan.FileResult;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.Interrupted;
import dev.marking.core.testing.Verify;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RTF as Word writes it: GBK bytes and Unicode escapes, headers per section, comments, hidden text, properties. */
class RtfReadTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String FAKE = "XX部队于X月X日在A基地完成了试射。";

    @TempDir
    Path dir;

    /** {@code text} as Word escapes it for a GBK document: {@code \'xx} per byte. */
    static String gbk(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(GBK)) {
            sb.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\'%02x", b & 0xff));
        }
        return sb.toString();
    }

    /** {@code text} as Unicode escapes (<code>&#92;uN?</code>) with one fallback character each. */
    static String unicode(String text) {
        StringBuilder sb = new StringBuilder("\\uc1 ");
        text.chars().forEach(c -> sb.append(c < 0x80 ? String.valueOf((char) c) : "\\u" + (short) c + "?"));
        return sb.toString();
    }

    private Path rtf(String name, String body) throws Exception {
        return Files.writeString(dir.resolve(name), "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 "
                + gbk("宋体") + ";}}" + body + "}", StandardCharsets.US_ASCII);
    }

    @Test
    void positiveMarkInHeaderAndFakeDeclassificationAtItsParagraph() throws Exception {
        Path file = rtf("a.rtf", "{\\header\\pard\\plain " + gbk("机密") + "\\u9733?" + gbk("5年") + "\\par}"
                + "\\pard\\plain " + gbk("试验简报") + "\\par " + unicode(FAKE) + "\\par ");
        FileResult r = Verify.check(file);
        assertEquals("rtf", r.format());
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertTrue(Verify.findings(r, "marking.missing").isEmpty(), Verify.rules(r).toString());
        List<Finding> fake = Verify.findings(r, "declass.fake");
        assertEquals(List.of("XX部队", "X月X日", "A基地"), fake.stream().map(Finding::evidence).toList());
        assertEquals(new Location("body", 1, 0, 2, 0, 1), fake.get(0).location());
    }

    @Test
    void negativeUnmarkedIsMissing() throws Exception {
        FileResult r = Verify.check(rtf("b.rtf", "\\pard " + gbk("会议纪要") + "\\par "));
        assertEquals(1, Verify.findings(r, "marking.missing").size());
    }

    @Test
    void sectionsFirstPageHeadersCommentsHiddenTextWatermarkAndProperties() throws Exception {
        Path file = rtf("c.rtf", "{\\*\\userprops{\\propname marking.level}\\proptype30{\\staticval "
                + gbk("秘密") + "}}{\\info{\\author " + gbk("张三") + "}}\\facingp\\titlepg"
                + "{\\headerf\\pard " + gbk("首页页眉") + "\\par}{\\headerl\\pard " + gbk("偶数页眉") + "\\par}"
                + "{\\headerr\\pard " + gbk("奇数页眉") + "{\\shp{\\*\\shpinst{\\sp{\\sn gtextUNICODE}{\\sv "
                + gbk("内部资料") + "}}}}\\par}{\\footer\\pard " + gbk("页脚") + "\\par}"
                + "\\pard " + gbk("正文") + "{\\v " + gbk("隐藏文字") + "}" + "{\\*\\atnid zs}{\\*\\annotation "
                + gbk("批注内容") + "}\\par\\sect\\sectd\\pard " + gbk("第二节") + "\\par ");
        ReadModel m = new RtfFormat().read(file);
        assertEquals(List.of("正文", "第二节"), m.body().stream().map(TextBlock::text).toList());
        assertEquals(new Location("body", 2, 0, 2, 0, 0), m.body().get(1).location());
        assertEquals(List.of("1:default", "1:first", "1:even", "2:default", "2:even"),
                m.slots().stream().map(s -> s.unit() + ":" + s.type()).toList());
        assertEquals(List.of("奇数页眉", "首页页眉", "偶数页眉", "奇数页眉", "偶数页眉"),
                m.slots().stream().map(s -> s.header().get(0).text()).toList(), "section 2 inherits section 1's");
        assertEquals(List.of("内部资料"), m.slots().get(0).watermarks());
        assertEquals("页脚", m.slots().get(4).footer().get(0).text());
        assertEquals(SlotType.FIRST, m.slots().get(1).type());
        assertTrue(m.hidden().contains(new HiddenItem(HiddenKind.HIDDEN_TEXT, "隐藏文字", new Location("body", 1, 0, 1, 0, 0))));
        assertTrue(m.hidden().contains(new HiddenItem(HiddenKind.COMMENT, "批注内容",
                new Location("comment", 1, 0, 1, 0, 0))), m.hidden().toString());
        assertEquals("秘密", m.properties().get("marking.level"));
        assertEquals("张三", m.properties().get("core.creator"));
    }

    @Test
    void recognisedByItsSignatureAndDamagedFilesAreUnreadable() throws Exception {
        Path file = rtf("d.txt", "\\pard x\\par ");
        assertEquals("rtf", FormatRegistry.standard().identify(file).format().orElseThrow().id());
        Path notRtf = Files.writeString(dir.resolve("e.rtf"), "plain text");
        assertEquals(DocumentException.Kind.UNREADABLE,
                assertThrows(DocumentException.class, () -> new RtfFormat().read(notRtf)).kind());
        byte[] whole = Files.readAllBytes(rtf("w.rtf", "{\\header\\pard " + gbk("机密★5年") + "\\par}\\pard "
                + gbk(FAKE) + "\\par "));
        Path truncated = Files.write(dir.resolve("t.rtf"), Arrays.copyOf(whole, whole.length - 10));
        DocumentException cut = assertThrows(DocumentException.class, () -> new RtfFormat().read(truncated));
        assertEquals(DocumentException.Kind.UNREADABLE, cut.kind());
        assertTrue(cut.getMessage().contains("truncated or damaged"), cut.getMessage());
        Path unclosed = rtf("u.rtf", "{\\pard x\\par ");
        assertEquals(DocumentException.Kind.UNREADABLE,
                assertThrows(DocumentException.class, () -> new RtfFormat().read(unclosed)).kind());
    }

    @Test
    void corpusGbkTextAndComments() throws Exception {
        Path corpus = Corpus.dir("rtf");
        ReadModel gbk = new RtfFormat().read(corpus.resolve("striprtf_issue_11.rtf"));
        assertEquals(List.of("测试"), gbk.body().stream().map(TextBlock::text).toList());
        ReadModel comment = new RtfFormat().read(corpus.resolve("tika_testComment.rtf"));
        assertTrue(comment.hidden().stream().anyMatch(h -> h.kind() == HiddenKind.COMMENT
                && h.text().equals("Here is a comment")), comment.hidden().toString());
    }

    /** Issue 18: the time limit for one file stops the parser every 64 KiB and the model per paragraph. */
    @Test
    void theParserStopsWhenItsThreadIsInterrupted() throws Exception {
        byte[] rtf = ("{\\rtf1\\ansi " + "\\par paragraph of ordinary text\r\n".repeat(5_000) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(5_000, RtfParser.parse(new ByteArrayInputStream(rtf)).model(dir.resolve("t.rtf"), "rtf").body().size(),
                "the same read completes on a thread that is not interrupted");
        Interrupted.assertStops(() -> RtfParser.parse(new ByteArrayInputStream(rtf)));
        byte[] two = "{\\rtf1 one\\par two}".getBytes(StandardCharsets.US_ASCII);
        RtfDocument small = RtfParser.parse(new ByteArrayInputStream(two));
        Interrupted.assertStops(() -> small.model(dir.resolve("t.rtf"), "rtf"));
    }
}
