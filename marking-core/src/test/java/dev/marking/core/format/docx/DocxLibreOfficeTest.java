package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.testing.WatermarkPixels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Renders a stamped multi-section DOCX (different first page, odd/even headers) with LibreOffice and
 * checks the result as a reader sees it: the mark on every page, the watermark diagonal and light.
 * Needs {@code soffice}; skipped without it, except on CI ({@code CI} set), where it fails.
 */
class DocxLibreOfficeTest {

    private static final int DPI = 50;

    @TempDir
    Path tmp;

    @Test
    void markOnEveryPageAndWatermarkRotatedAndLight() throws Exception {
        Path source = Fixtures.docx()
                .titlePage().header("甲节页眉").firstHeader("甲节首页").footer("甲节页脚")
                .paragraph("第一页正文").pageBreak().paragraph("第二页正文").pageBreak().paragraph("第三页正文")
                .section()
                .evenHeader("偶数页页眉").paragraph("乙节第一页").pageBreak().paragraph("乙节第二页")
                .build(tmp.resolve("sections.docx"));
        Marking marking = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(123));
        Path stamped = tmp.resolve("stamped.docx");
        new DocxFormat().stamp(source, stamped, StampOptions.all(marking, "lo-1", LocalDate.of(2026, 11, 23)));
        Path pdf = convert(stamped);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() >= 5, "expected 5 pages, got " + doc.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc).replaceAll("\\s+", "");
                assertTrue(text.contains("机密★5年"), "page " + page + " lacks the mark: " + text);
                assertTrue(text.contains("第000123份"), "page " + page + " lacks the copy footer: " + text);
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, DPI);
                if (page == 1) {
                    Path png = Path.of("target", "docx-libreoffice-page2.png");
                    Files.createDirectories(png.getParent());
                    ImageIO.write(image, "png", png.toFile());
                }
                WatermarkPixels.assertDiagonalAndLight(image, "page " + (page + 1) + ": ");
            }
        }
    }

    /** Issue 15: the watermark stands in front, so a table with white-filled cells over the page's middle cannot hide it. */
    @Test
    void watermarkShowsOverWhiteFilledTableCells() throws Exception {
        Path file = tmp.resolve("table.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("表格");
            var table = doc.createTable(30, 3);
            table.removeBorders(); // only the watermark is ink in the middle of the page
            for (var row : table.getRows()) {
                for (var cell : row.getTableCells()) {
                    cell.setColor("FFFFFF");
                    cell.setText(" ");
                }
            }
            doc.write(out);
        }
        Marking marking = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(123));
        Path stamped = tmp.resolve("stamped.docx");
        new DocxFormat().stamp(file, stamped, StampOptions.all(marking, "lo-2", LocalDate.of(2026, 11, 30)));
        try (PDDocument pdf = Loader.loadPDF(convert(stamped).toFile())) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, DPI);
            ImageIO.write(image, "png", Files.createDirectories(Path.of("target")).resolve("docx-white-cells.png").toFile());
            WatermarkPixels.assertDiagonalAndLight(image, "over white cells: ");
        }
    }

    /**
     * Issue 15: LibreOffice saves a section with a different first page that it lays out on one page as that page
     * alone, with the first page's header as its only one. A stamped first section like that (a cover page,
     * odd and even pages different) kept no even header, and Word would print its even pages unmarked. The stamp
     * drops a different first page that shows nothing different, so the even header survives the save.
     */
    @Test
    void evenHeaderOfAOnePageFirstSectionSurvivesASave() throws Exception {
        Path source = Fixtures.docx().titlePage().evenAndOddHeaders().paragraph("封面")
                .section().header("正文页眉").paragraph("第一页").pageBreak().paragraph("第二页").pageBreak()
                .paragraph("第三页").build(tmp.resolve("cover.docx"));
        Marking marking = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(123));
        Path stamped = tmp.resolve("stamped.docx");
        DocxFormat format = new DocxFormat();
        format.stamp(source, stamped, StampOptions.all(marking, "lo-3", LocalDate.of(2026, 12, 1)));
        Path resaved = new LibreOffice(tmp).convert(stamped, LibreOffice.DOCX, tmp.resolve("resaved"));
        List<RunningSlot> slots = format.read(resaved).slots();
        assertTrue(slots.stream().anyMatch(s -> s.unit() == 1 && s.type() == SlotType.EVEN),
                "the first section keeps an even header: " + slots);
        for (RunningSlot s : slots) {
            assertTrue(s.header().stream().anyMatch(b -> b.text().contains("机密★5年")), s + " lacks the mark");
            assertEquals(1, s.watermarks().size(), s + " watermarks");
        }
    }

    /**
     * LibreOffice 7.4 writes the VML text-path shape type into the first header part only and, reopening the file,
     * draws no other header's VML watermark (issue 15). The stamp's DrawingML watermark keeps its own geometry: after
     * one save and after a second, every page of every section shows it, diagonal and light.
     */
    @Test
    void watermarkOnEveryPageAfterTwoLibreOfficeSaves() throws Exception {
        LibreOffice lo = LibreOffice.in(tmp, "re-saving a stamped DOCX with LibreOffice");
        Path source = Fixtures.docx().header("甲节页眉").paragraph("甲节第一页").pageBreak().paragraph("甲节第二页")
                .section().header("乙节页眉").paragraph("乙节第一页")
                .section().titlePage().firstHeader("丙节首页").header("丙节页眉").paragraph("丙节第一页").pageBreak()
                .paragraph("丙节第二页").build(tmp.resolve("three.docx"));
        Marking marking = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(123));
        Path stamped = tmp.resolve("stamped.docx");
        new DocxFormat().stamp(source, stamped, StampOptions.all(marking, "lo-4", LocalDate.of(2026, 12, 1)));
        Path once = lo.convert(stamped, LibreOffice.DOCX, tmp.resolve("once"));
        Path twice = lo.convert(once, LibreOffice.DOCX, tmp.resolve("twice"));
        for (Path saved : List.of(once, twice)) {
            Path pdf = lo.toPdf(List.of(saved), tmp.resolve("pdf-" + saved.getParent().getFileName())).get(0);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertEquals(5, doc.getNumberOfPages(), saved.getParent().getFileName() + ": pages");
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int page = 0; page < doc.getNumberOfPages(); page++) {
                    WatermarkPixels.assertDiagonalAndLight(renderer.renderImageWithDPI(page, DPI),
                            "saved " + saved.getParent().getFileName() + ", page " + (page + 1) + ": ");
                }
            }
            for (RunningSlot s : new DocxFormat().read(saved).slots()) {
                assertEquals(List.of("机密★5年 第000123份"), s.watermarks(), saved.getParent().getFileName() + " " + s);
            }
        }
    }

    /** The check itself: POI's own {@code createWatermark()} renders unrotated and black, and must fail it. */
    @Test
    void poiWatermarkFailsTheCheck() throws Exception {
        Path file = tmp.resolve("poi-watermark.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("正文");
            doc.createHeaderFooterPolicy().createWatermark("机密★5年");
            doc.write(out);
        }
        try (PDDocument pdf = Loader.loadPDF(convert(file).toFile())) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, DPI);
            assertThrows(AssertionFailedError.class, () -> WatermarkPixels.assertDiagonalAndLight(image, "POI watermark: "));
        }
    }

    private Path convert(Path docx) throws IOException, InterruptedException {
        return new LibreOffice(tmp).toPdf(List.of(docx), tmp.resolve("pdf")).get(0);
    }
}
