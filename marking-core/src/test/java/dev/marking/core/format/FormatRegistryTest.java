package dev.marking.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry.Identification;
import dev.marking.core.format.text.TextFormat;
import dev.marking.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatRegistryTest {

    private final FormatRegistry formats = FormatRegistry.standard();

    @TempDir
    Path dir;

    @Test
    void theRegistryIsTheListOfExtensionsGlobsAndMediaTypes() {
        assertEquals(List.of("docx", "pdf", "ofd", "txt", "md", "markdown", "xlsx", "pptx", "doc", "wps", "xls", "et",
                "ppt", "dps", "rtf", "odt", "ods", "odp", "tif", "tiff", "jpg", "jpeg", "png"), formats.extensions());
        assertEquals(".docx, .pdf, .ofd, .txt, .md, .markdown, .xlsx, .pptx, .doc, .wps, .xls, .et, .ppt, .dps, .rtf, .odt,"
                + " .ods, .odp, .tif, .tiff, .jpg, .jpeg, .png", formats.extensionList());
        assertEquals("**/*.docx", formats.includeGlobs().get(0));
        assertEquals("**/*.png", formats.includeGlobs().get(formats.includeGlobs().size() - 1));
        assertEquals("application/msword", formats.mediaType(Path.of("报告.DOC")));
        assertEquals("application/vnd.oasis.opendocument.text", formats.mediaType(Path.of("a.odt")));
        assertEquals("image/png", formats.mediaType(Path.of("扫描件.PNG")));
        assertEquals("image/jpeg", formats.mediaType(Path.of("a.jpeg")));
        assertEquals("image/tiff", formats.mediaType(Path.of("a.tif")));
        assertEquals("application/pdf", formats.mediaType(Path.of("a/B.PDF")));
        assertEquals("text/markdown", formats.mediaType(Path.of("说明.md")));
        assertEquals("text/plain", formats.mediaType(Path.of("a.txt")));
        assertEquals("application/ofd", formats.mediaType(Path.of("公文.ofd")));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                formats.mediaType(Path.of("a.xlsx")));
        assertEquals("application/octet-stream", formats.mediaType(Path.of("a.bin")));
        assertEquals(Optional.of("pdf"), formats.byId("pdf").map(DocumentFormat::id));
    }

    @Test
    void twoFormatsCannotClaimOneExtensionOrId() {
        assertThrows(IllegalArgumentException.class, () -> formats.with(new TextFormat()));
    }

    @Test
    void contentIsRecognisedByItsBytesWhateverTheName() throws Exception {
        Path docx = Fixtures.docx().paragraph("正文").build(dir.resolve("a.docx"));
        Path pdf = pdf(dir.resolve("b.pdf"));
        Path md = Files.writeString(dir.resolve("c.md"), "# 标题\n正文\n");
        assertEquals(named("docx", "docx", false), summary(formats.identify(docx)));
        assertEquals(named("pdf", "pdf", false), summary(formats.identify(pdf)));
        assertEquals(named("text", "text", false), summary(formats.identify(md)));

        Path pdfAsDocx = Files.copy(pdf, dir.resolve("really-a-pdf.docx"));
        Identification id = formats.identify(pdfAsDocx);
        assertEquals(named("docx", "pdf", true), summary(id));
        assertEquals("pdf", id.format().orElseThrow().id());

        Path docxAsTxt = Files.copy(docx, dir.resolve("really-a-docx.txt"));
        assertEquals(named("text", "docx", true), summary(formats.identify(docxAsTxt)));

        Path unknown = Files.copy(pdf, dir.resolve("no-extension"));
        assertEquals(named("-", "pdf", false), summary(formats.identify(unknown)));
    }

    @Test
    void workbooksAndPresentationsAreRecognisedByTheirMainPartWhateverTheName() throws Exception {
        Path xlsx = Fixtures.xlsx().cell("A1", "x").build(dir.resolve("a.xlsx"));
        Path pptx = Fixtures.pptx().slide().text("x").build(dir.resolve("b.pptx"));
        assertEquals(named("xlsx", "xlsx", false), summary(formats.identify(xlsx)));
        assertEquals(named("pptx", "pptx", false), summary(formats.identify(pptx)));
        assertEquals(named("docx", "xlsx", true), summary(formats.identify(Files.copy(xlsx, dir.resolve("report.docx")))));
        assertEquals(named("-", "pptx", false), summary(formats.identify(Files.copy(pptx, dir.resolve("slides")))));
        Path docx = Fixtures.docx().paragraph("正文").build(dir.resolve("c.docx"));
        assertEquals(named("pptx", "docx", true), summary(formats.identify(Files.copy(docx, dir.resolve("c.pptx")))));
        ContentProbe probe = ContentProbe.of(xlsx);
        assertEquals(Recognition.NONE, formats.byId("pptx").orElseThrow().recognise(probe));
        assertEquals(Recognition.CERTAIN, formats.byId("xlsx").orElseThrow().recognise(probe));
    }

    @Test
    void binaryJunkIsNoFormatByContent() throws Exception {
        Path junk = Files.write(dir.resolve("junk.pdf"), new byte[] {0, 1, 2, 3, 0, (byte) 0xFF});
        Identification id = formats.identify(junk);
        assertEquals(named("pdf", "-", false), summary(id));
        assertEquals("pdf", id.format().orElseThrow().id(), "the name decides when the bytes say nothing");
    }

    @Test
    void theProbeListsZipEntriesAndOle2Streams() throws Exception {
        Path docx = Fixtures.docx().paragraph("正文").build(dir.resolve("a.docx"));
        ContentProbe zip = ContentProbe.of(docx);
        assertTrue(zip.zip() && !zip.ole2());
        assertTrue(zip.zipEntries().contains("word/document.xml"), zip.zipEntries().toString());
        assertTrue(zip.zipText("[Content_Types].xml", 4096).orElseThrow().contains("wordprocessingml"));
        assertEquals(Optional.empty(), zip.zipText("mimetype", 100));

        Path doc = dir.resolve("legacy.doc");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[64]), "WordDocument");
            fs.createDocument(new ByteArrayInputStream(new byte[16]), "1Table");
            try (OutputStream out = Files.newOutputStream(doc)) {
                fs.writeFilesystem(out);
            }
        }
        ContentProbe ole = ContentProbe.of(doc);
        assertTrue(ole.ole2() && !ole.zip());
        assertTrue(ole.oleStreams().containsAll(List.of("WordDocument", "1Table")), ole.oleStreams().toString());
        assertEquals(Recognition.NONE, formats.byId("docx").orElseThrow().recognise(ole), "a .doc is not a .docx");
        assertEquals(Recognition.NONE, formats.byId("text").orElseThrow().recognise(ole));
    }

    @Test
    void aPasswordProtectedDocxIsPlausiblyADocx() throws Exception {
        Path plain = Fixtures.docx().paragraph("正文").build(dir.resolve("plain.docx"));
        Path encrypted = dir.resolve("locked.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        ContentProbe probe = ContentProbe.of(encrypted);
        assertTrue(probe.oleStreams().contains("EncryptedPackage"), probe.oleStreams().toString());
        assertEquals(Recognition.PLAUSIBLE, formats.byId("docx").orElseThrow().recognise(probe));
        assertEquals(named("docx", "docx", false), summary(formats.identify(encrypted)));
        Path lockedWorkbook = Files.copy(encrypted, dir.resolve("locked.xlsx"));
        assertEquals(Recognition.PLAUSIBLE, formats.byId("xlsx").orElseThrow().recognise(ContentProbe.of(lockedWorkbook)));
        assertEquals(named("xlsx", "xlsx", false), summary(formats.identify(lockedWorkbook)), "the name decides among equals");
    }

    @Test
    void aDamagedZipListsNothing() throws Exception {
        byte[] head = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        ContentProbe probe = ContentProbe.of(Files.write(dir.resolve("broken.docx"), head));
        assertTrue(probe.zip());
        assertEquals(0, probe.zipEntries().size());
        assertFalse(probe.binary());
    }

    private static String named(String byName, String byContent, boolean mismatch) {
        return byName + "/" + byContent + (mismatch ? " mismatch" : "");
    }

    private static String summary(Identification id) {
        return named(id.byName().map(DocumentFormat::id).orElse("-"), id.byContent().map(DocumentFormat::id).orElse("-"),
                id.mismatch());
    }

    private static Path pdf(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(file.toFile());
        }
        return file;
    }
}
