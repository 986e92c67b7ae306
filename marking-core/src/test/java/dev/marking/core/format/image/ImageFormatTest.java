package dev.marking.core.format.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.format.ScannedPage.Outcome;
import dev.marking.core.testing.Scans;
import dev.marking.core.testing.Scans.Noise;
import dev.marking.core.testing.StampCases;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page images as documents: recognised by their bytes, read page by page, never stamped. */
class ImageFormatTest {

    private final ImageFormat format = new ImageFormat();

    @TempDir
    Path dir;

    @Test
    void pngJpegAndTiffAreRecognisedByTheirBytesWhateverTheName() throws Exception {
        BufferedImage page = Scans.blank(50, Noise.NONE, 1);
        Path png = Scans.png(dir.resolve("scan.txt"), page);
        Path jpeg = dir.resolve("scan.pdf");
        assertTrue(ImageIO.write(page, "jpeg", jpeg.toFile()));
        Path tiff = Scans.tiff(dir.resolve("scan.docx"), List.of(page), 50);
        FormatRegistry formats = FormatRegistry.standard();
        for (Path p : List.of(png, jpeg, tiff)) {
            FormatRegistry.Identification id = formats.identify(p);
            assertEquals("image", id.byContent().orElseThrow().id(), p.toString());
            assertTrue(id.mismatch(), "the name says otherwise: " + p);
        }
        Path big = Files.write(dir.resolve("mm.tif"), new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        assertEquals("image", formats.identify(big).byContent().orElseThrow().id());
        Path text = Files.writeString(dir.resolve("a.png"), "机密★5年\n");
        assertEquals("text", formats.identify(text).byContent().orElseThrow().id());
    }

    @Test
    void everyPageOfATiffIsAScannedPageLeftUnreadWithOcrOff() throws Exception {
        Path tiff = Scans.tiff(dir.resolve("scan.tiff"), List.of(Scans.blank(60, Noise.NONE, 1),
                Scans.blank(60, Noise.NONE, 2), Scans.blank(60, Noise.NONE, 3)), 60);
        ReadModel model = format.read(tiff, OcrSettings.off());
        assertEquals("image", model.format());
        assertEquals(List.of(new ScannedPage(1, Outcome.OFF, ""), new ScannedPage(2, Outcome.OFF, ""),
                new ScannedPage(3, Outcome.OFF, "")), model.scanned());
        assertEquals(3, model.slots().size());
        assertTrue(model.body().isEmpty());
        assertEquals(model.scanned(), format.read(tiff).scanned(), "read(file) does not run OCR");
    }

    @Test
    void aMissingOcrProgramLeavesThePagesUnavailableSayingWhy() throws Exception {
        Path png = Scans.png(dir.resolve("scan.png"), Scans.blank(60, new Noise(0.01, 0, 0), 1));
        ReadModel model = format.read(png, OcrSettings.fromEnvironment(true).withProgram(dir.resolve("no-tesseract")
                .toString()));
        ScannedPage page = model.scanned().get(0);
        assertEquals(Outcome.UNAVAILABLE, page.outcome());
        assertTrue(page.detail().contains("no-tesseract") && page.detail().contains("MARKING_TESSERACT"), page.detail());
    }

    @Test
    void anImageThatIsNotOneIsUnreadable() throws Exception {
        Path broken = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
            1, 2, 3});
        DocumentException e = assertThrows(DocumentException.class, () -> format.read(broken, OcrSettings.off()));
        assertEquals(DocumentException.Kind.UNREADABLE, e.kind());
    }

    @Test
    void stampingAnImageIsRefusedInOneLine() throws Exception {
        Path png = Scans.png(dir.resolve("扫描件.png"), Scans.blank(30, Noise.NONE, 1));
        Path out = dir.resolve("out.png");
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(png, out, StampCases.first()));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("扫描件.png") && e.getMessage().contains("cannot be stamped"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
