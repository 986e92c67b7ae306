package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ReadModel;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader gives exactly the read model POI's object model gives ({@link PoiDocxReader}), on every
 * DOCX of the corpus as it is and once stamped by us (running parts, watermark, block, covert mark,
 * properties); files POI cannot read, it cannot read either. And it stops at its limits.
 */
class DocxStreamReaderTest {

    @TempDir
    Path tmp;

    static List<Path> corpus() {
        List<Path> all = new ArrayList<>(Corpus.files("docx", ".docx"));
        all.addAll(Corpus.files("malformed", ".docx"));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @NeedsCorpus
    void readsWhatPoiReads(Path file) throws Exception {
        same(file);
        ReadModel poi;
        try {
            poi = poi(file);
        } catch (DocumentException e) {
            return; // unreadable or encrypted: nothing to stamp
        }
        Path stamped = tmp.resolve("stamped.docx");
        try {
            new DocxFormat().stamp(file, stamped, DocxCorpusTest.first());
        } catch (DocumentException e) {
            return; // signed: refused
        }
        assertTrue(poi.path().equals(file));
        same(stamped);
    }

    private static void same(Path file) throws IOException {
        ReadModel poi;
        try {
            poi = poi(file);
        } catch (DocumentException e) {
            DocumentException streamed = assertThrows(DocumentException.class, () -> DocxStreamReader.read(file),
                    "POI cannot read " + file + " (" + e.getMessage() + ")");
            assertEquals(e.kind(), streamed.kind(), streamed.getMessage());
            return;
        }
        try {
            assertEquals(poi, DocxStreamReader.read(file));
        } catch (DocumentException e) {
            throw new AssertionError("POI reads " + file + " but the streaming reader says: " + e.getMessage(), e);
        }
    }

    private static ReadModel poi(Path file) throws DocumentException {
        XWPFDocument doc = DocxOpener.open(file, false);
        try {
            return PoiDocxReader.read(file, doc);
        } finally {
            DocxOpener.discard(doc);
        }
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws IOException {
        StringBuilder deep = new StringBuilder("<w:p>");
        deep.append("<w:sdt><w:sdtContent>".repeat(600)).append("</w:sdtContent></w:sdt>".repeat(600)).append("</w:p>");
        Path file = docx(deep.toString());
        DocumentException e = assertThrows(DocumentException.class, () -> DocxStreamReader.read(file));
        assertEquals(DocumentException.Kind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().contains("nesting deeper than 1,000"), e.getMessage());
    }

    @Test
    void readsNestingUpToTheLimit() throws IOException, DocumentException {
        String nested = "<w:sdt><w:sdtContent>".repeat(300) + "<w:p><w:r><w:t>机密★5年</w:t></w:r></w:p>"
                + "</w:sdtContent></w:sdt>".repeat(300);
        ReadModel m = DocxStreamReader.read(docx(nested));
        assertEquals("机密★5年", m.body().get(0).text());
    }

    /** A minimal package whose body is {@code body}. */
    private Path docx(String body) throws IOException {
        Path file = tmp.resolve("t.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType"
                    + "=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType="
                    + "\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
                    + Wml.W + "\"><w:body>" + body + "<w:sectPr/></w:body></w:document>");
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
