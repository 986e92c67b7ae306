package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.testing.HostileFiles;
import dev.marking.core.testing.StampCases;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content pass stops hostile pages at a limit it names, instead of hanging or overflowing the stack. */
class PageScanLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void twoFormsDrawingEachOtherAreRefused() throws IOException {
        Path file = tmp.resolve("cycle.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFormXObject a = form(doc);
            PDFormXObject b = form(doc);
            // each draws the other twice: without a guard, 2^50 replays
            draw(a, "/B Do /B Do\n", "B", b);
            draw(b, "/A Do /A Do\n", "A", a);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("A"), a);
            page.setResources(resources);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.drawForm(a);
            }
            doc.save(file.toFile());
        }
        DocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(DocumentException.class, () -> new PdfFormat().read(file)));
        assertEquals(DocumentException.Kind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().contains("draws itself"), e.getMessage());
    }

    @Test
    void formsNestedDeeperThanTheLimitAreRefused() throws IOException {
        Path file = tmp.resolve("deep.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFormXObject inner = form(doc);
            draw(inner, "BT ET\n", null, null);
            for (int i = 0; i < ContentLimits.MAX_FORM_DEPTH + 5; i++) {
                PDFormXObject outer = form(doc);
                draw(outer, "/F Do\n", "F", inner);
                inner = outer;
            }
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.drawForm(inner);
            }
            doc.save(file.toFile());
        }
        DocumentException e = assertThrows(DocumentException.class, () -> new PdfFormat().read(file));
        assertTrue(e.getMessage().contains("deeper than " + ContentLimits.MAX_FORM_DEPTH), e.getMessage());
    }

    @Test
    void floodsAndPageTreesPastTheFileAreRefusedWithTheLimitNamed() throws IOException {
        assertRefused(HostileFiles.pdfSaveFlood(tmp.resolve("q.pdf"), 1_000_000),
                "page 1 saves graphics states (q) more than 10,000 deep");
        assertRefused(HostileFiles.pdfTextFlood(tmp.resolve("tj.pdf"), 400_000), "page 1 shows more than 200,000 glyphs");
        assertRefused(HostileFiles.pdfCountClaim(tmp.resolve("count.pdf"), 10_000_000),
                "the page tree claims 10,000,000 pages, more than the 3 objects the file holds");
        assertRefused(HostileFiles.pdfManyKids(tmp.resolve("kids.pdf"), 100_000),
                "the page tree claims 100,000 pages, more than the 3 objects the file holds");
    }

    @Test
    void stampingStopsAtTheSameLimits() throws IOException {
        for (Path file : List.of(HostileFiles.pdfFormCycle(tmp.resolve("cycle.pdf")),
                HostileFiles.pdfSaveFlood(tmp.resolve("q.pdf"), 1_000_000))) {
            DocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    DocumentException.class, () -> new PdfFormat().stamp(file, tmp.resolve("out.pdf"),
                            StampCases.first())));
            assertTrue(e.getMessage().contains("the PDF breaks a limit: "), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("out.pdf")));
        }
    }

    private static void assertRefused(Path file, String limit) {
        DocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(DocumentException.class, () -> new PdfFormat().read(file)));
        assertEquals(DocumentException.Kind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().contains("the PDF breaks a limit: " + limit), e.getMessage());
    }

    private static PDFormXObject form(PDDocument doc) {
        PDFormXObject f = new PDFormXObject(doc);
        f.setBBox(PDRectangle.A4);
        f.setResources(new PDResources());
        return f;
    }

    private static void draw(PDFormXObject form, String content, String name, PDFormXObject other) throws IOException {
        if (name != null) {
            form.getResources().put(COSName.getPDFName(name), other);
        }
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
