package dev.marking.bridge;

import java.nio.charset.StandardCharsets;

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
