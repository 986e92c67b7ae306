package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
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
        byte[] updated = update(first, doc -> {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Minutes");
            doc.getDocument().getTrailer().setItem(COSName.INFO, info.getCOSObject());
            return Set.of(doc.getDocument().getTrailer(), info.getCOSObject());
        });
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
        byte[] updated = update(first, doc -> {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.OVERWRITE, false)) {
                text(cs, "Line kept", 700);
            }
            return Set.of(page.getCOSObject());
        });
        assertFalse(holdAll(updated, first), "the page's objects moved");
        assertEquals(List.of("Unit 31681 at Base Nine@1"), earlier(write(updated)));
    }

    @Test
    void aPageRemovedByAnUpdateIsReported() throws Exception {
        byte[] first = pdf("Page one", "Unit 31681 at Base Nine");
        byte[] updated = update(first, doc -> {
            doc.removePage(1);
            return Set.of(doc.getDocumentCatalog().getPages().getCOSObject());
        });
        try (PDDocument doc = Loader.loadPDF(updated)) {
            assertEquals(1, doc.getNumberOfPages());
        }
        assertFalse(holdAll(updated, first), "the page tree was rewritten");
        assertEquals(List.of("Unit 31681 at Base Nine@2"), earlier(write(updated)));
    }

    @Test
    void aNewCatalogIsNeverTakenForTheOldOne() throws Exception {
        byte[] first = pdf("Page one");
        RevisionObjects latest = latest(first);
        assertNotNull(latest);
        RevisionObjects otherRoot = new RevisionObjects(latest.places(), latest.indexes(),
                new COSObjectKey(latest.root().getNumber() + 1000, 0), latest.encryption(), latest.frames());
        assertTrue(latest.holdAll(latest), "a revision holds itself");
        assertFalse(otherRoot.holdAll(latest), "same objects, another root");
    }

    @Test
    void anObjectInARewrittenObjectStreamHasMoved() {
        COSObjectKey inStream = new COSObjectKey(5, 0, 0);
        COSObjectKey stream = new COSObjectKey(10, 0);
        RevisionObjects then = objects(Map.of(inStream, -10L, stream, 1000L), Map.of(inStream, 0));
        assertTrue(objects(Map.of(inStream, -10L, stream, 1000L), Map.of(inStream, 0)).same(inStream, then));
        assertFalse(objects(Map.of(inStream, -10L, stream, 2000L), Map.of(inStream, 0)).same(inStream, then),
                "object stream 10 was written again: what it holds may differ");
        assertFalse(objects(Map.of(inStream, -10L, stream, 1000L), Map.of(inStream, 1)).same(inStream, then),
                "another index in the same stream");
        assertFalse(objects(Map.of(inStream, 1500L, stream, 1000L), Map.of()).same(inStream, then));
        assertFalse(objects(Map.of(stream, 1000L), Map.of()).same(inStream, then), "gone");
    }

    @Test
    void aSignatureAddedToOnePageLeavesTheOtherPagesUnread() throws Exception {
        byte[] first = pdf("Page one", "Page two", "Page three");
        byte[] updated = update(first, doc -> {
            PDPage page = doc.getPage(0);
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(10, 10, 20, 20));
            note.setContents("Signed");
            page.getAnnotations().add(note);
            page.setAnnotations(page.getAnnotations());
            return Set.of(page.getCOSObject(), doc.getDocumentCatalog().getCOSObject());
        });
        assertEquals(Set.of(2, 3), kept(updated, first), "page 1 was rewritten; the catalog too, so not all are held");
        assertEquals(List.of(), earlier(write(updated)));
        try (PDDocument old = Loader.loadPDF(first)) {
            RevisionObjects latest = latest(updated);
            assertEquals(Set.of(), latest.keptPages(old, 0), "no object may be followed");
            List<Set<Integer>> byBudget = new java.util.ArrayList<>();
            for (int budget = 0; budget <= 20; budget++) {
                byBudget.add(latest.keptPages(old, budget));
            }
            assertTrue(byBudget.contains(Set.of(2)), "a budget that covers page 2's objects and not page 3's: " + byBudget);
            assertEquals(Set.of(2, 3), byBudget.get(20));
            for (int b = 1; b < byBudget.size(); b++) {
                assertTrue(byBudget.get(b).containsAll(byBudget.get(b - 1)), "more budget never keeps fewer pages");
            }
        }
    }

    @Test
    void aContentStreamWrittenAgainUnderItsOwnNumberMakesItsPageReadAgain() throws Exception {
        byte[] first = pdf("Page one", "Line kept\nUnit 31681 at Base Nine", "Page three");
        byte[] kept;
        try (PDDocument drawn = Loader.loadPDF(pdf("Line kept")); var in = drawn.getPage(0).getContents()) {
            kept = in.readAllBytes();
        }
        byte[] updated = update(first, doc -> {
            COSStream contents = (COSStream) doc.getPage(1).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            try (OutputStream w = contents.createOutputStream()) {
                w.write(kept);
            }
            return Set.of(contents);
        });
        try (PDDocument doc = Loader.loadPDF(updated)) {
            assertFalse(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).contains("31681"));
        }
        assertEquals(Set.of(1, 3), kept(updated, first), "page 2's object is where it was, its contents are not");
        assertEquals(List.of("Unit 31681 at Base Nine@2"), earlier(write(updated)));
    }

    @Test
    void aFormThatNamesItselfAsItsOwnResourceIsFollowedOnce() throws Exception {
        byte[] first;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, "Page one", 700);
            }
            PDFormXObject form = new PDFormXObject(doc);
            form.setBBox(new PDRectangle(0, 0, 10, 10));
            PDResources own = new PDResources();
            own.put(COSName.getPDFName("Self"), form);
            form.setResources(own);
            page.getResources().put(COSName.getPDFName("Loop"), form);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            first = out.toByteArray();
        }
        byte[] updated = update(first, doc -> Set.of(doc.getDocumentCatalog().getCOSObject()));
        assertEquals(Set.of(1), kept(updated, first), "the cycle is walked once and every object in it is in place");
        assertEquals(List.of(), earlier(write(updated)));
    }

    @Test
    void aPageThatInheritsItsResourcesIsReadAgain() throws Exception {
        byte[] first;
        try (PDDocument doc = new PDDocument()) {
            for (String text : List.of("Page one", "Page two")) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    text(cs, text, 700);
                }
            }
            COSDictionary resources = doc.getPage(1).getCOSObject().getCOSDictionary(COSName.RESOURCES);
            doc.getPages().getCOSObject().setItem(COSName.RESOURCES, resources);
            doc.getPage(1).getCOSObject().removeItem(COSName.RESOURCES);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            first = out.toByteArray();
        }
        byte[] updated = update(first, doc -> Set.of(doc.getDocumentCatalog().getCOSObject()));
        try (PDDocument doc = Loader.loadPDF(updated)) {
            assertEquals("Page two", new org.apache.pdfbox.text.PDFTextStripper().getText(doc).split("\\R")[1].strip(),
                    "the second page draws with the inherited font");
        }
        assertEquals(Set.of(1), kept(updated, first), "page 2 has no resources of its own");
    }

    @Test
    void aPageWhoseInheritedCropBoxChangedIsReadAgain() throws Exception {
        byte[] first = pdf("Page one", "Page two");
        byte[] updated = update(first, doc -> {
            COSDictionary root = doc.getPages().getCOSObject();
            root.setItem(COSName.CROP_BOX, new PDRectangle(0, 0, 300, 300).getCOSArray());
            return Set.of(root);
        });
        assertEquals(Set.of(), kept(updated, first), "the same page objects, seen through another crop box");
    }

    /** The objects of the latest revision of {@code file}, as the reader sees them in the loaded document. */
    private static RevisionObjects latest(byte[] file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file)) {
            return RevisionObjects.latest(doc);
        }
    }

    /** Changes a loaded document and names the objects its incremental update writes. */
    @FunctionalInterface
    private interface Edit {
        Set<COSDictionary> apply(PDDocument doc) throws IOException;
    }

    /** {@code first} with one incremental update, made by {@code edit}. */
    private static byte[] update(byte[] first, Edit edit) throws IOException {
        try (PDDocument doc = Loader.loadPDF(first)) {
            Set<COSDictionary> written = edit.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out, written);
            return out.toByteArray();
        }
    }

    private static RevisionObjects objects(Map<COSObjectKey, Long> places, Map<COSObjectKey, Integer> indexes) {
        return new RevisionObjects(places, indexes, new COSObjectKey(1, 0), null, Map.of());
    }

    /** The pages of {@code earlier} that the latest revision of {@code file} has unchanged. */
    private static Set<Integer> kept(byte[] file, byte[] earlier) throws IOException {
        RevisionObjects latest = latest(file);
        assertNotNull(latest);
        try (PDDocument old = Loader.loadPDF(earlier)) {
            return latest.keptPages(old);
        }
    }

    /** True when the latest revision of {@code file} holds every object of {@code earlier}. */
    private static boolean holdAll(byte[] file, byte[] earlier) throws IOException {
        RevisionObjects latest = latest(file);
        assertNotNull(latest);
        try (PDDocument old = Loader.loadPDF(earlier)) {
            boolean all = latest.holdAll(RevisionObjects.of(old, false));
            assertEquals(all, latest.keptPages(old).size() == old.getNumberOfPages(), "all held: every page kept");
            return all;
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
