package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which earlier revisions are read again: one whose objects the file still holds unchanged is not (its pages are
 * all in the current document as they were); one whose update rewrote a page, removed one or replaced the catalog
 * is, and what the update took away is reported.
 */
class EarlierRevisionsTest {

    private final PdfFormat format = new PdfFormat();

    @TempDir
    Path tmp;

    @Test
    void anUpdateThatOnlyAddsAnInformationDictionaryHoldsEveryEarlierObject() throws Exception {
        byte[] first = pdf("Page one", "Page two");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(first)) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Minutes");
            doc.getDocument().getTrailer().setItem(COSName.INFO, info.getCOSObject());
            doc.saveIncremental(out, Set.of(doc.getDocument().getTrailer(), info.getCOSObject()));
        }
        byte[] updated = out.toByteArray();
        assertEquals(2, EarlierRevisions.revisionEnds(updated).size());
        assertTrue(holdAll(updated, first), "every object of the first revision is where it was");
        assertEquals(List.of(), earlier(write(updated)));
    }

    @Test
    void anEmptyUpdateSectionHoldsEveryEarlierObject() throws Exception {
        byte[] first = pdf("Page one");
        byte[] updated = withEmptyUpdate(first);
        assertEquals(2, EarlierRevisions.revisionEnds(updated).size());
        try (PDDocument doc = Loader.loadPDF(updated)) {
            assertEquals(1, doc.getNumberOfPages(), "the appended section is a valid update");
        }
        assertTrue(holdAll(updated, first));
    }

    @Test
    void anUpdateThatRewritesAPageIsReadAgainAndItsRemovedLineReported() throws Exception {
        byte[] first = pdf("Line kept\nUnit 31681 at Base Nine");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(first)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.OVERWRITE, false)) {
                text(cs, "Line kept", 700);
            }
            doc.saveIncremental(out, Set.of(page.getCOSObject()));
        }
        byte[] updated = out.toByteArray();
        assertFalse(holdAll(updated, first), "the page's objects moved");
        assertEquals(List.of("Unit 31681 at Base Nine@1"), earlier(write(updated)));
    }

    @Test
    void aPageRemovedByAnUpdateIsReported() throws Exception {
        byte[] first = pdf("Page one", "Unit 31681 at Base Nine");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(first)) {
            doc.removePage(1);
            COSDictionary pages = doc.getDocumentCatalog().getPages().getCOSObject();
            doc.saveIncremental(out, Set.of(pages));
        }
        byte[] updated = out.toByteArray();
        try (PDDocument doc = Loader.loadPDF(updated)) {
            assertEquals(1, doc.getNumberOfPages());
        }
        assertFalse(holdAll(updated, first), "the page tree was rewritten");
        assertEquals(List.of("Unit 31681 at Base Nine@2"), earlier(write(updated)));
    }

    @Test
    void aNewCatalogIsNeverTakenForTheOldOne() throws Exception {
        byte[] first = pdf("Page one");
        EarlierRevisions.ObjectTable latest;
        try (PDDocument doc = Loader.loadPDF(first)) {
            latest = EarlierRevisions.ObjectTable.of(doc.getDocument());
        }
        assertNotNull(latest);
        EarlierRevisions.ObjectTable otherRoot = new EarlierRevisions.ObjectTable(latest.places(), latest.indexes(),
                new COSObjectKey(latest.root().getNumber() + 1000, 0), latest.encryption());
        try (PDDocument doc = Loader.loadPDF(first)) {
            assertTrue(latest.holdAll(doc.getDocument()), "a revision holds itself");
            assertFalse(otherRoot.holdAll(doc.getDocument()), "same objects, another root");
        }
    }

    /** True when the latest revision of {@code file} holds every object of {@code earlier}. */
    private static boolean holdAll(byte[] file, byte[] earlier) throws IOException {
        EarlierRevisions.ObjectTable latest = EarlierRevisions.ObjectTable.of(file);
        assertNotNull(latest);
        try (PDDocument old = Loader.loadPDF(earlier)) {
            return latest.holdAll(old.getDocument());
        }
    }

    /** The earlier-revision items of the file, as {@code text@page}. */
    private List<String> earlier(Path file) throws Exception {
        return format.read(file).hidden().stream().filter(h -> h.kind() == HiddenKind.EARLIER_REVISION)
                .map(h -> h.text() + "@" + h.location().page()).toList();
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = tmp.resolve("f" + System.nanoTime() + ".pdf");
        Files.write(file, bytes);
        return file;
    }

    /** A PDF with one page per argument, each line of it drawn 40 points below the one before. */
    private static byte[] pdf(String... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 700;
                    for (String line : text.split("\n")) {
                        text(cs, line, y);
                        y -= 40;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream cs, String s, float y) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(60, y);
        cs.showText(s);
        cs.endText();
    }

    /** {@code pdf} with an update section that changes nothing: a trailer pointing back to the one before. */
    private static byte[] withEmptyUpdate(byte[] pdf) throws IOException {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int startxref = s.lastIndexOf("startxref");
        String prev = s.substring(startxref + "startxref".length()).strip().split("\\s+")[0];
        String root;
        int size;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSDictionary trailer = doc.getDocument().getTrailer();
            COSObjectKey key = ((COSObject) trailer.getItem(COSName.ROOT)).getKey();
            root = key.getNumber() + " " + key.getGeneration() + " R";
            size = trailer.getInt(COSName.SIZE);
        }
        int offset = pdf.length + 1;
        String update = "\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size " + size + " /Root " + root + " /Prev "
                + prev + " >>\nstartxref\n" + offset + "\n%%EOF\n";
        byte[] tail = update.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(pdf, pdf.length + tail.length);
        System.arraycopy(tail, 0, out, pdf.length, tail.length);
        return out;
    }
}
