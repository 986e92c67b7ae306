package dev.marking.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.format.ofd.OfdFormat;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.format.text.TextFormat;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.Passwords;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file is, by content first and then by name (DESIGN §1.8), over a registry fixed to the formats of this
 * test (formats registered later would read some of these files, which is the point of registering them).
 */
class FileClassTest {

    private final FormatRegistry formats = new FormatRegistry(List.of(new DocxFormat(), new PdfFormat(),
            new OfdFormat(), new TextFormat()));

    @TempDir
    Path dir;

    private String classify(Path file) throws Exception {
        FileClass c = formats.classify(file);
        if (c instanceof FileClass.Document d) {
            return "read " + d.format().id() + d.misnamed().map(e -> ", misnamed ." + e).orElse("");
        }
        if (c instanceof FileClass.Unsupported u) {
            return "unsupported " + u.content().id() + " (" + u.content().detail() + ")"
                    + u.misnamed().map(e -> ", named ." + e).orElse("");
        }
        FileClass.NotDocument n = (FileClass.NotDocument) c;
        return "skip " + n.kind().id() + " (" + n.kind().detail() + ")";
    }

    @Test
    void contentTheRegistryIsSureOfIsReadAsWhatItIsAndADisagreeingNameIsNoted() throws Exception {
        Path docx = Fixtures.docx().paragraph("正文").build(dir.resolve("a.docx"));
        assertEquals("read docx", classify(docx));
        assertEquals("read docx, misnamed .doc", classify(Files.copy(docx, dir.resolve("renamed.doc"))));
        assertEquals("read docx, misnamed .bak", classify(Files.copy(docx, dir.resolve("report.docx.bak"))));
        assertEquals("read docx", classify(Files.copy(docx, dir.resolve("no-extension"))));
        Path pdf = pdf(dir.resolve("b.pdf"));
        assertEquals("read pdf, misnamed .txt", classify(Files.copy(pdf, dir.resolve("b.txt"))));
        assertEquals("read docx", classify(Files.copy(docx, dir.resolve("~$real.docx"))), "a lock-file name hides nothing");
    }

    @Test
    void aDocumentNameOnContentItsFormatCannotReadIsLeftToTheReaderOrUnsupported() throws Exception {
        byte[] docx = Files.readAllBytes(Fixtures.docx().paragraph("正文").build(dir.resolve("a.docx")));
        assertEquals("read docx", classify(Files.write(dir.resolve("damaged.docx"), Arrays.copyOf(docx, docx.length / 2))),
                "a damaged package: its reader says what is wrong");
        assertEquals("read text", classify(Files.writeString(dir.resolve("empty.txt"), "")));
        assertEquals("read pdf", classify(Files.write(dir.resolve("junk.pdf"), new byte[] {0, 1, 2, 3})));
        assertEquals("unsupported image (PNG), named .docx", classify(png(dir.resolve("photo.docx"))));
        assertEquals("unsupported executable (ELF), named .pdf", classify(elf(dir.resolve("tool.pdf"))));
        assertEquals("unsupported package (OOXML spreadsheet), named .docx", classify(xlsx(dir.resolve("sheet.docx"))));
    }

    @Test
    void documentsNoFormatReadsAreUnsupported() throws Exception {
        assertEquals("unsupported package (OOXML spreadsheet)", classify(xlsx(dir.resolve("book.xlsx"))));
        assertEquals("unsupported package (OOXML spreadsheet)", classify(xlsx(dir.resolve("book"))));
        assertEquals("unsupported package (application/vnd.oasis.opendocument.text)",
                classify(zip(dir.resolve("a.odt"), "mimetype", "application/vnd.oasis.opendocument.text")));
        assertEquals("unsupported compound (Bar, Foo)", classify(ole2(dir.resolve("x.bin"), "Foo", "Bar")));
        assertEquals("unsupported compound (1Table, WordDocument)", classify(ole2(dir.resolve("a.doc"), "WordDocument",
                "1Table")));
        assertEquals("unsupported document (RTF)", classify(Files.writeString(dir.resolve("a.rtf"), "{\\rtf1 x}")));
        assertEquals("unsupported document (.pages)", classify(Files.writeString(dir.resolve("a.pages"), "x")));
        assertEquals("unsupported image (PNG), named .doc", classify(png(dir.resolve("p.doc"))));
    }

    @Test
    void aPasswordProtectedPackageIsGivenToTheFormatThatFindsItPlausible() throws Exception {
        Path plain = Fixtures.docx().paragraph("正文").build(dir.resolve("plain.docx"));
        Path locked = Passwords.encryptedOoxml(plain, dir.resolve("locked.bin"), "secret");
        assertEquals("read docx", classify(locked), "its reader then says it is encrypted");
    }

    @Test
    void whatIsNotADocumentIsNamedBySignatureThenExtension() throws Exception {
        assertEquals("skip image (PNG)", classify(png(dir.resolve("photo.png"))));
        assertEquals("skip image (PNG)", classify(png(dir.resolve("photo"))));
        assertEquals("skip executable (ELF)", classify(elf(dir.resolve("tool"))));
        assertEquals("skip executable (Java class / Mach-O)", classify(Files.write(dir.resolve("A.class"),
                new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61})));
        assertEquals("skip archive (ZIP)", classify(zip(dir.resolve("a.zip"), "notes.txt", "x")));
        assertEquals("skip archive (Java archive)", classify(zip(dir.resolve("lib.jar"), "META-INF/MANIFEST.MF", "x")));
        assertEquals("skip archive (gzip)", classify(Files.write(dir.resolve("a.tgz"), new byte[] {0x1F, (byte) 0x8B, 8, 0})));
        assertEquals("skip source (.java)", classify(Files.writeString(dir.resolve("A.java"), "class A {}\n")));
        assertEquals("skip data (.csv)", classify(Files.writeString(dir.resolve("r.csv"), "name,unit\n")));
        assertEquals("skip data (.key)", classify(Files.writeString(dir.resolve("server.key"), "-----BEGIN KEY-----\n")));
        assertEquals("skip text (README)", classify(Files.writeString(dir.resolve("README"), "read me\n")));
        assertEquals("skip text (.bak)", classify(Files.writeString(dir.resolve("notes.bak"), "机密★5年\n")));
        assertEquals("skip binary (.dat)", classify(Files.write(dir.resolve("x.dat"), new byte[] {1, 0, 2, 0})));
        assertEquals("skip empty (nothing)", classify(Files.write(dir.resolve("nothing"), new byte[0])));
        assertEquals("skip lock (~$a.docx)", classify(Files.write(dir.resolve("~$a.docx"), new byte[162])));
        assertEquals("skip thumbnails (Thumbs.db)", classify(ole2(dir.resolve("Thumbs.db"), "Catalog", "1", "2")));
    }

    private static Path pdf(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(file.toFile());
        }
        return file;
    }

    private static Path png(Path file) throws Exception {
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    private static Path elf(Path file) throws Exception {
        return Files.write(file, new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    private static Path xlsx(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("表一").createRow(0).createCell(0).setCellValue("正文");
            wb.write(out);
        }
        return file;
    }

    private static Path zip(Path file, String entry, String text) throws Exception {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return file;
    }

    private static Path ole2(Path file, String... streams) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            for (String s : streams) {
                fs.createDocument(new ByteArrayInputStream(new byte[64]), s);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }
}
