package dev.marking.core.format.odf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.OdfXmlView;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.testing.WatermarkPixels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stamped ODT as LibreOffice prints it: the mark and copy number on every page (first, left and right
 * pages of two page styles), no page added, the watermark diagonal and light; and a restamp after a
 * LibreOffice re-save still leaves exactly one stamp. Needs {@code soffice}, {@code pdftotext},
 * {@code pdftoppm}; skipped without them, except on CI.
 */
class OdtLibreOfficeTest {

    private static final int DPI = 50;

    @TempDir
    Path dir;

    @Test
    void markOnEveryPageNoPageAddedWatermarkDiagonalAndLight() throws Exception {
        Path source = OdfFixture.text().running("header", "默认页眉").running("header-left", "偶数页眉")
                .running("footer", "用户页脚").firstPageMaster()
                .paragraph("第一页正文").pageBreak("第二页正文").pageBreak("第三页正文").pageBreak("第四页正文")
                .build(dir.resolve("source.odt"));
        LibreOffice lo = new LibreOffice(dir.resolve("lo"));
        int pagesBefore = lo.pageTexts(lo.convert(source, "pdf", dir.resolve("before"))).size();
        Path stamped = dir.resolve("stamped.odt");
        new OdtFormat().stamp(source, stamped, OdtStampTest.first());
        Path pdf = lo.convert(stamped, "pdf", dir.resolve("after"));

        List<String> pages = squeezed(lo.pageTexts(pdf));
        assertEquals(pagesBefore, pages.size(), "the block must not push the text onto a new page");
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains("机密★5年"), "page " + (i + 1) + " lacks the mark: " + pages.get(i));
            assertTrue(pages.get(i).contains("第000123份"), "page " + (i + 1) + " lacks the copy footer: " + pages.get(i));
        }
        assertTrue(pages.get(0).startsWith("机密★5年首页页眉000123机密★5年特急第一页正文"), pages.get(0));
        assertTrue(pages.get(1).contains("偶数页眉") && pages.get(2).contains("默认页眉"), pages.toString());

        for (int i = 1; i <= pages.size(); i++) {
            Path png = lo.render(pdf, i, DPI, Path.of("target", "odt-libreoffice-" + i + ".png").toAbsolutePath());
            BufferedImage image = ImageIO.read(png.toFile());
            WatermarkPixels.assertDiagonalAndLight(image, "page " + i + ": ");
        }
    }

    @Test
    void restampAfterLibreOfficeResaveReplacesTheStamp() throws Exception {
        Path source = OdfFixture.text().running("header", "默认页眉").paragraph("正文").build(dir.resolve("in.odt"));
        Path once = dir.resolve("once.odt");
        new OdtFormat().stamp(source, once, OdtStampTest.first());
        LibreOffice lo = new LibreOffice(dir.resolve("lo"));
        Path resaved = lo.convert(once, "odt", dir.resolve("resaved"));
        Path twice = dir.resolve("twice.odt");
        new OdtFormat().stamp(resaved, twice, OdtStampTest.second());

        OdfXmlView xml = OdfXmlView.of(twice);
        for (String master : xml.masterPages()) {
            List<String> header = xml.running(master, "header");
            assertFalse(String.join("|", header).contains("机密"), master + ": old mark left: " + header);
        }
        assertEquals(List.of("秘密★1年", "默认页眉"), xml.running("Standard", "header"));
        assertEquals(List.of("秘密★1年", "正文"), xml.body());
        List<String> pages = squeezed(lo.pageTexts(lo.convert(twice, "pdf", dir.resolve("pdf"))));
        assertEquals(1, pages.size());
        assertFalse(pages.get(0).contains("机密"), pages.get(0));
        assertEquals(2, pages.get(0).split("秘密★1年", -1).length - 1, "header and block, once each: " + pages.get(0));
    }

    /** Page texts without whitespace: rotated and spread-out text compares equal. */
    private static List<String> squeezed(List<String> pages) {
        return pages.stream().map(p -> p.replaceAll("\\s+", "")).toList();
    }
}
