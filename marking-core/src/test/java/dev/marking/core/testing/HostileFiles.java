package dev.marking.core.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * Hostile documents made in test code (issue 18): small on disk, enormous or endless when read. Each is written
 * straight to its file, streamed, so that making one costs the test little memory.
 */
public final class HostileFiles {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private HostileFiles() {
    }

    /**
     * A DOCX whose {@code word/document.xml} inflates to about {@code inflatedBytes} bytes of paragraphs, each with
     * a few random characters so that the part compresses near 1:87 (inside POI's 1:100 ratio guard).
     */
    public static Path docxBomb(Path file, long inflatedBytes) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            docxPackage(zip);
            bombPart(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W
                    + "\"><w:body><w:p><w:r><w:t>机密★5年</w:t></w:r></w:p>", "<w:p><w:r><w:t xml:space=\"preserve\">",
                    "</w:t></w:r></w:p>", "</w:body></w:document>", inflatedBytes);
        }
        return file;
    }

    /** A DOCX whose body nests {@code depth} {@code w:customXml} elements around one paragraph (under 1 MB). */
    public static Path docxDeepNesting(Path file, int depth) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            docxPackage(zip);
            StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
                    + W + "\"><w:body>");
            // Random element names keep the part from compressing so well that POI's ratio guard rejects it.
            Random random = new Random(18);
            for (int i = 0; i < depth; i++) {
                body.append("<w:customXml w:element=\"x").append(Integer.toHexString(random.nextInt(1 << 24)))
                        .append("\">");
            }
            body.append("<w:p><w:r><w:t>机密★5年</w:t></w:r></w:p>");
            body.append("</w:customXml>".repeat(depth));
            body.append("</w:body></w:document>");
            put(zip, "word/document.xml", body.toString());
        }
        return file;
    }

    /** The content types and package relationship of a DOCX whose main part is {@code word/document.xml}. */
    private static void docxPackage(ZipOutputStream zip) throws IOException {
        put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    }

    /**
     * An OpenDocument text whose {@code content.xml} inflates to about {@code inflatedBytes} bytes of paragraphs
     * (the ODF counterpart of {@link #docxBomb}).
     */
    public static Path odtBomb(Path file, long inflatedBytes) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/"
                    + "vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\""
                    + " manifest:media-type=\"text/xml\"/></manifest:manifest>");
            bombPart(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                    + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                    + "<text:p>机密★5年</text:p>", "<text:p>", "</text:p>", "</office:text></office:body></office:document-content>",
                    inflatedBytes);
        }
        return file;
    }

    /**
     * Writes the part {@code name}: {@code head}, paragraphs ({@code open} text {@code close}) until about
     * {@code inflatedBytes} bytes, each with a few random characters so that the part compresses near 1:87 (inside
     * POI's 1:100 ratio guard), then {@code tail}.
     */
    private static void bombPart(ZipOutputStream zip, String name, String head, String open, String close, String tail,
            long inflatedBytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(head.getBytes(StandardCharsets.UTF_8));
        Random random = new Random(18);
        StringBuilder p = new StringBuilder();
        long written = 0;
        while (written < inflatedBytes) {
            p.setLength(0);
            for (int i = 0; i < 64; i++) {
                p.append(open).append("正文第").append(random.nextInt(100)).append("段：本段内容重复，用于测试解压后的大小。")
                        .append(close);
            }
            byte[] b = p.toString().getBytes(StandardCharsets.UTF_8);
            zip.write(b);
            written += b.length;
        }
        zip.write(tail.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * An OFD of {@code pages} pages with {@code lines} lines of ordinary text each: every page a part of its own,
     * none near a size limit, so that only the time it takes to read limits it.
     */
    public static Path ofdLong(Path file, int pages, int lines) {
        OfdFixture ofd = Fixtures.ofd();
        for (int p = 0; p < pages; p++) {
            ofd.page();
            for (int l = 0; l < lines; l++) {
                ofd.line(p == 0 && l == 0 ? "机密★5年" : "正文第" + p + "页第" + l + "行：本行内容用于测试读取所需的时间。");
            }
        }
        return ofd.build(file);
    }

    /** An RTF file of about {@code bytes} bytes of ordinary paragraphs (GBK escapes, as Word writes Chinese). */
    public static Path rtfLong(Path file, long bytes) throws IOException {
        byte[] paragraph = "\\par \\'d5\\'fd\\'ce\\'c4 paragraph text to read, again and again\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fcharset134 SimSun;}}\\f0 \\'bb\\'fa\\'c3\\'dc"
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < bytes; written += paragraph.length) {
                out.write(paragraph);
            }
            out.write("}".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** An Excel 97-2003 workbook (HSSF) whose sheet has {@code rows} rows of {@code columns} text cells. */
    public static Path xlsLong(Path file, int rows, int columns) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            HSSFSheet sheet = wb.createSheet("表一");
            sheet.createRow(0).createCell(0).setCellValue("机密★5年");
            for (int r = 1; r < rows; r++) {
                HSSFRow row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue("第" + r + "行第" + c + "列");
                }
            }
            wb.write(out);
        }
        return file;
    }

    /**
     * A text file of {@code bytes} bytes that takes about a megabyte on disk: a mark line and a megabyte of ordinary
     * lines, then a hole the file system does not store (read back as zero bytes).
     */
    public static Path textHuge(Path file, long bytes) throws IOException {
        StringBuilder text = new StringBuilder("机密★5年\n");
        while (text.length() < (1 << 19)) {
            text.append("正文：本行内容重复，用于测试文件大小的上限。\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }

    /** A one-page PDF whose content stream inflates to {@code count} {@code q} operators (graphics state saves). */
    public static Path pdfSaveFlood(Path file, int count) throws IOException {
        return onePage(file, out -> {
            byte[] q = "q q q q q q q q q q q q q q q q\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count / 16; i++) {
                out.write(q);
            }
        });
    }

    /** A one-page PDF whose content stream inflates to {@code count} {@code Tj} operators showing a letter each. */
    public static Path pdfTextFlood(Path file, int count) throws IOException {
        return onePage(file, out -> {
            out.write("BT /F1 1 Tf 10 10 Td\n".getBytes(StandardCharsets.US_ASCII));
            byte[] tj = "(a) Tj (b) Tj (c) Tj (d) Tj\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count / 4; i++) {
                out.write(tj);
            }
            out.write("ET\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** A PDF whose page tree lists the same page {@code kids} times (about 6 bytes a reference). */
    public static Path pdfManyKids(Path file, int kids) throws IOException {
        RawPdf pdf = new RawPdf();
        StringBuilder refs = new StringBuilder(kids * 6);
        for (int i = 0; i < kids; i++) {
            refs.append("3 0 R ");
        }
        pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.add("<< /Type /Pages /Kids [" + refs + "] /Count " + kids + " >>");
        pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        return pdf.write(file);
    }

    /** A PDF of one page whose page tree claims {@code count} pages (a few hundred bytes). */
    public static Path pdfCountClaim(Path file, int count) throws IOException {
        RawPdf pdf = new RawPdf();
        pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.add("<< /Type /Pages /Kids [3 0 R] /Count " + count + " >>");
        pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        return pdf.write(file);
    }

    /** A PDF of one page drawing form A; forms A and B each draw the other twice (2^n replays without a guard). */
    public static Path pdfFormCycle(Path file) throws IOException {
        RawPdf pdf = new RawPdf();
        pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /A 5 0 R >> >> "
                + "/Contents 4 0 R >>");
        pdf.addStream("", "/A Do\n".getBytes(StandardCharsets.US_ASCII));
        pdf.addStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /B 6 0 R >> >>",
                "/B Do /B Do\n".getBytes(StandardCharsets.US_ASCII));
        pdf.addStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /A 5 0 R >> >>",
                "/A Do /A Do\n".getBytes(StandardCharsets.US_ASCII));
        return pdf.write(file);
    }

    /** A UTF-8 text file: a mark line, then one line of {@code chars} CJK characters (3 bytes each). */
    public static Path textLongLine(Path file, int chars) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("机密★5年\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "本文件涉及某型号装备的部署情况".repeat(64).getBytes(StandardCharsets.UTF_8);
            int perChunk = 15 * 64;
            for (int i = 0; i < chars / perChunk; i++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        return file;
    }

    /** A UTF-8 text file: a mark line, then {@code count} lines each holding one valid resident ID number. */
    public static Path textManyIdNumbers(Path file, int count) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("机密★5年\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                String born = java.time.LocalDate.of(1950, 1, 1).plusDays(i % 20_000).format(
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                String id = idNumber("110105" + born + String.format("%03d", i / 20_000 % 1000));
                out.write(("联系人身份证号 " + id + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    /** {@code first17} with its ISO 7064 MOD 11-2 check character. */
    private static String idNumber(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static Path onePage(Path file, Content content) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            content.write(out);
        }
        RawPdf pdf = new RawPdf();
        pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                + "/Contents 4 0 R >>");
        pdf.addStream("/Filter /FlateDecode", deflated.toByteArray());
        pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return pdf.write(file);
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A PDF written object by object with a correct cross-reference table. */
    private static final class RawPdf {

        private final List<byte[]> objects = new ArrayList<>();

        void add(String dictionary) {
            objects.add(dictionary.getBytes(StandardCharsets.US_ASCII));
        }

        void addStream(String entries, byte[] data) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(("<< " + entries + " /Length " + data.length + " >>\nstream\n")
                    .getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(data);
            b.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
            objects.add(b.toByteArray());
        }

        Path write(Path file) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
            long[] offsets = new long[objects.size()];
            for (int i = 0; i < objects.size(); i++) {
                offsets[i] = out.size();
                out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(objects.get(i));
                out.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
            }
            long xref = out.size();
            StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
            for (long o : offsets) {
                x.append(String.format("%010d 00000 n \n", o));
            }
            x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            out.writeBytes(x.toString().getBytes(StandardCharsets.US_ASCII));
            Files.write(file, out.toByteArray());
            return file;
        }
    }
}
