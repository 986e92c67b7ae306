package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.Layout;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Term;
import dev.marking.core.testing.Corpus;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 3: rendered as a reader sees the page (crop box, /Rotate), the block sits top left and
 * reads left to right, the header is top centre, and the watermark lies whole inside the visible area,
 * rising from bottom left to top right. Each part is stamped alone and found by diffing renders.
 */
class PdfRenderTest {

    private static final float SCALE = 0.5f;
    private static final PDRectangle TALL = new PDRectangle(800, 1000);

    @TempDir
    Path tmp;

    private final PdfFormat format = new PdfFormat();

    static Stream<Arguments> geometries() {
        PdfFixtures.Page a4 = PdfFixtures.Page.a4();
        PdfFixtures.Page tall = new PdfFixtures.Page(TALL, null, 0, false, List.of());
        PDRectangle crop = new PDRectangle(100, 150, 500, 700);
        PDRectangle offset = new PDRectangle(-200, -100, 600, 800);
        return Stream.of(
                Arguments.of("A4", a4),
                Arguments.of("rotate 90", a4.rotated(90)),
                Arguments.of("rotate 180", a4.rotated(180)),
                Arguments.of("rotate 270", a4.rotated(270)),
                Arguments.of("rotate -90", a4.rotated(-90)),
                Arguments.of("landscape media", new PdfFixtures.Page(new PDRectangle(842, 595), null, 0, false, List.of())),
                Arguments.of("crop box", tall.cropped(crop)),
                Arguments.of("crop box, rotate 90", tall.cropped(crop).rotated(90)),
                Arguments.of("crop box, rotate 270", tall.cropped(crop).rotated(270)),
                Arguments.of("media box off origin", new PdfFixtures.Page(offset, null, 0, false, List.of())),
                Arguments.of("inherited rotate 90", a4.rotated(90).inheritingRotation()),
                Arguments.of("inherited rotate 180, crop", tall.cropped(crop).rotated(180).inheritingRotation()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void blockSitsTopLeftReadingLeftToRight(String name, PdfFixtures.Page page) throws Exception {
        Path in = PdfFixtures.pdf().page(page).page(page).build(tmp.resolve("in.pdf"));
        Rectangle box = changed(in, only(false, false), 0);
        BufferedImage img = render(in, 0);
        assertTrue(box.x > 0 && box.getMaxX() < img.getWidth() * 0.5, name + ": block at left " + box);
        assertTrue(box.y > 0 && box.getMaxY() < img.getHeight() * 0.25, name + ": block at top " + box);
        assertTrue(box.width > 2 * box.height, name + ": block reads left to right " + box);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void headerIsTopCentre(String name, PdfFixtures.Page page) throws Exception {
        Path in = PdfFixtures.pdf().page(page).page(page).build(tmp.resolve("in.pdf"));
        Rectangle box = changed(in, only(true, false), 1);
        BufferedImage img = render(in, 1);
        assertTrue(box.y > 0 && box.getMaxY() < img.getHeight() * 0.1, name + ": header at top " + box);
        assertTrue(Math.abs(box.getCenterX() - img.getWidth() / 2.0) < img.getWidth() * 0.05, name + ": centred " + box);
        assertTrue(box.width > 2 * box.height, name + ": header reads left to right " + box);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void watermarkIsWholeAndDiagonal(String name, PdfFixtures.Page page) throws Exception {
        Path in = PdfFixtures.pdf().page(page).page(page).build(tmp.resolve("in.pdf"));
        StampOptions numbered = only(false, true);
        Path out = stamp(in, numbered.withMarking(numbered.marking().withCopy(new CopyNumber(123))));
        BufferedImage before = render(in, 1);
        BufferedImage after = render(out, 1);
        Rectangle box = diff(before, after);
        int w = after.getWidth();
        int h = after.getHeight();
        assertTrue(box.x >= 1 && box.y >= 1 && box.getMaxX() <= w - 1 && box.getMaxY() <= h - 1,
                name + ": watermark inside the visible page " + box + " of " + w + "x" + h);
        assertTrue(box.contains(w / 2, h / 2), name + ": through the centre " + box);
        assertTrue(box.width > w * 0.4 && box.height > h * 0.4, name + ": spans the page " + box);
        int rising = count(before, after, new Rectangle(w / 2, 0, w / 2, h / 2))
                + count(before, after, new Rectangle(0, h / 2, w / 2, h / 2));
        int falling = count(before, after, new Rectangle(0, 0, w / 2, h / 2))
                + count(before, after, new Rectangle(w / 2, h / 2, w / 2, h / 2));
        assertTrue(rising > 2 * falling, name + ": rises from bottom left to top right " + rising + "/" + falling);
    }

    @Test
    void contentThatLeavesStatesOpenDoesNotMoveTheStamp() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4()).page(PdfFixtures.Page.a4()).build(tmp.resolve("in.pdf"),
                doc -> {
                    for (PDPage page : doc.getPages()) {
                        byte[] ops = "0.3 0 0 0.3 400 0 cm q 0 0 10 10 re f".getBytes(StandardCharsets.US_ASCII);
                        page.setContents(new PDStream(doc, new ByteArrayInputStream(ops)));
                    }
                });
        Rectangle box = changed(in, only(false, false), 0);
        BufferedImage img = render(in, 0);
        assertTrue(box.x > 0 && box.getMaxX() < img.getWidth() * 0.5, "block at left " + box);
        assertTrue(box.y > 0 && box.getMaxY() < img.getHeight() * 0.25, "block at top " + box);
        assertTrue(box.width > 25, "block drawn at full size " + box);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pdfbox_PDFBOX-2984-rotations.pdf", "plumber_issue-1054-example.pdf",
        "pypdf_indirect-rotation.pdf", "pdfbox_PDFBOX-3110-poems-beads-cropbox.pdf"})
    void corpusPagesAsTheReaderSeesThem(String file) throws Exception {
        Path in = Corpus.file("pdf/" + file);
        Path headerOut = stamp(in, only(true, false));
        int pages;
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            pages = doc.getNumberOfPages();
        }
        for (int p = 0; p < pages; p++) {
            BufferedImage before = render(in, p);
            Rectangle box = diff(before, render(headerOut, p));
            assertTrue(box.getMaxY() < before.getHeight() * (p == 0 ? 0.25 : 0.1), file + " page " + (p + 1) + " " + box);
            if (p == 0) {
                assertTrue(box.x < before.getWidth() * 0.2, file + ": block at left " + box);
            }
        }
        Path watermarkOut = stamp(in, only(false, true));
        int last = pages - 1;
        BufferedImage before = render(in, last);
        Rectangle box = diff(before, render(watermarkOut, last));
        assertTrue(box.contains(before.getWidth() / 2, before.getHeight() / 2), file + ": watermark centred " + box);
    }

    private static StampOptions only(boolean header, boolean watermark) {
        Marking m = Marking.of(PdfTestSupport.level("机密"), new Term.Years(5));
        // the standard places: laying out around the page's ink (PdfLayoutAcceptanceTest) would move the content too
        return new StampOptions(m, "render", PdfTestSupport.DAY, header, false, watermark, Optional.empty(), false)
                .withLayout(Layout.OVERLAY);
    }

    private Path stamp(Path in, StampOptions options) throws Exception {
        Path out = Files.createTempFile(tmp, "stamped", ".pdf");
        format.stamp(in, out, options);
        return out;
    }

    private Rectangle changed(Path in, StampOptions options, int page) throws Exception {
        return diff(render(in, page), render(stamp(in, options), page));
    }

    private static BufferedImage render(Path pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFRenderer(doc).renderImage(page, SCALE);
        }
    }

    /** Bounding box of the pixels that differ; fails when none do. */
    private static Rectangle diff(BufferedImage a, BufferedImage b) {
        assertTrue(a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight(), "same page size");
        List<int[]> points = new ArrayList<>();
        Rectangle box = null;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (differs(a.getRGB(x, y), b.getRGB(x, y))) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        assertTrue(box != null, "the stamp changed nothing visible" + points);
        return box;
    }

    private static int count(BufferedImage a, BufferedImage b, Rectangle area) {
        int n = 0;
        for (int y = area.y; y < Math.min(area.getMaxY(), a.getHeight()); y++) {
            for (int x = area.x; x < Math.min(area.getMaxX(), a.getWidth()); x++) {
                if (differs(a.getRGB(x, y), b.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean differs(int p, int q) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)) > 16) {
                return true;
            }
        }
        return false;
    }
}
