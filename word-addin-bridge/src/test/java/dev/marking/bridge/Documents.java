package dev.marking.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small documents built in code. */
final class Documents {

    private Documents() {
    }

    /** An unmarked Markdown report with plain content: verify says only {@code marking.missing}. */
    static byte[] unmarked() {
        return "# 季度报告\n\n本季度第三车间完成了设备检修任务。\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A Markdown document marked 机密★5年. */
    static byte[] marked() {
        return "机密★5年\n\n# 会议纪要\n\n正文。\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A document declared 公开. */
    static byte[] open() {
        return "公开\n\n# 通知\n\n正文。\n".getBytes(StandardCharsets.UTF_8);
    }

    /** An unmarked one-page OFD (GB/T 33190) package with one line of text. */
    static byte[] unmarkedOfd() {
        String ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
        Map<String, String> parts = Map.of(
                "OFD.xml", "<ofd:OFD " + ns + "><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>"
                        + "</ofd:OFD>",
                "Doc_0/Document.xml", "<ofd:Document " + ns + "><ofd:CommonData><ofd:MaxUnitID>3</ofd:MaxUnitID>"
                        + "</ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/>"
                        + "</ofd:Pages></ofd:Document>",
                "Doc_0/Pages/Page_0/Content.xml", "<ofd:Page " + ns + "><ofd:Content><ofd:Layer ID=\"2\"><ofd:TextObject"
                        + " ID=\"3\" Boundary=\"30 50 80 6\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"5\">本季度第三车间完成了"
                        + "设备检修任务。</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Binary content in a .md: the text adapter reports it unreadable. */
    static byte[] binary() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
        }
        return b;
    }

    /** An unmarked Markdown document of about {@code bytes} bytes (many paragraphs). */
    static byte[] unmarkedOfSize(int bytes) {
        StringBuilder sb = new StringBuilder("# 长文档\n\n");
        int size = sb.toString().getBytes(StandardCharsets.UTF_8).length;
        for (int n = 1; size < bytes; n++) {
            String paragraph = "第" + n + "段。本段落用于测量检查的耗时，内容没有密级标志。Lorem ipsum dolor sit amet.\n\n";
            sb.append(paragraph);
            size += paragraph.getBytes(StandardCharsets.UTF_8).length;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
