import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a DOCX whose word/document.xml holds about {@code MB} megabytes of small formatted runs
 * (bold/italic/colour/size varying run by run, Chinese and Latin words), so that the package is a few
 * MB on disk and passes POI's zip-bomb ratio. Run with {@code java BigRunsDocx.java OUT.docx [MB]}.
 * Deterministic: the same arguments give the same bytes.
 */
public final class BigRunsDocx {

    private static final String[] WORDS = {"报告", "会议", "通知", "项目", "计划", "数据", "系统", "单位", "部门", "工作",
        "安排", "材料", "文件", "技术", "管理", "质量", "安全", "进度", "预算", "评审", "the", "report", "meeting",
        "budget", "schedule", "review", "quality", "office", "draft", "final"};

    private static final int[] PALETTE = {0x000000, 0x1F3864, 0xC00000, 0x2E74B5, 0x538135, 0x7030A0, 0x404040, 0xBF8F00};

    private BigRunsDocx() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
        SplittableRandom random = new SplittableRandom(17);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>机密★5年</w:t></w:r></w:p>");
            long written = 0;
            StringBuilder p = new StringBuilder();
            while (written < target) {
                p.setLength(0);
                p.append("<w:p>");
                int runs = 20 + random.nextInt(40);
                for (int i = 0; i < runs; i++) {
                    p.append("<w:r><w:rPr>");
                    if (random.nextInt(3) == 0) {
                        p.append("<w:b/>");
                    }
                    if (random.nextInt(4) == 0) {
                        p.append("<w:i/>");
                    }
                    p.append(String.format("<w:color w:val=\"%06X\"/><w:sz w:val=\"%d\"/>", PALETTE[random.nextInt(PALETTE.length)] ^ random.nextInt(4),
                            16 + 2 * random.nextInt(8)));
                    p.append("</w:rPr><w:t xml:space=\"preserve\">").append(WORDS[random.nextInt(WORDS.length)])
                            .append(random.nextInt(6_000)).append(' ').append("</w:t></w:r>");
                }
                p.append("</w:p>");
                byte[] b = p.toString().getBytes(StandardCharsets.UTF_8);
                zip.write(b);
                written += b.length;
            }
            write(zip, "<w:sectPr/></w:body></w:document>");
            zip.closeEntry();
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, text);
        zip.closeEntry();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
