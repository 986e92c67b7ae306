package dev.marking.core.format.legacy;

import dev.marking.core.testing.LibreOffice;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFClientAnchor;
import org.apache.poi.hssf.usermodel.HSSFComment;
import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * Real Office 97–2003 files for tests: workbooks and presentations written by POI (HSSF, HSLF), Word
 * documents converted by LibreOffice from a DOCX built with {@code Fixtures.docx()}.
 */
final class LegacyFixtures {

    private LegacyFixtures() {
    }

    /**
     * A workbook: sheet {@code 表一} with a title in A1 and {@code text} in C7, a comment on A1, and a hidden
     * sheet; {@code header} in the centre of the first sheet's page header when not null; encrypted with
     * {@code password} when not null.
     */
    static Path xls(Path file, String header, String text, String password) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            HSSFSheet sheet = wb.createSheet("表一");
            sheet.createRow(0).createCell(0).setCellValue("试验简报");
            sheet.createRow(6).createCell(2).setCellValue(text);
            if (header != null) {
                sheet.getHeader().setCenter(header);
            }
            sheet.getFooter().setRight("第&P页");
            HSSFPatriarch drawing = sheet.createDrawingPatriarch();
            HSSFComment comment = drawing.createCellComment(new HSSFClientAnchor(0, 0, 0, 0, (short) 3, 3, (short) 5, 6));
            comment.setString(new HSSFRichTextString("请核对"));
            sheet.getRow(0).getCell(0).setCellComment(comment);
            wb.createSheet("底稿").createRow(1).createCell(1).setCellValue("原始数据");
            wb.setSheetHidden(1, true);
            if (password != null) {
                Biff8EncryptionKey.setCurrentUserPassword(password);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        return file;
    }

    /** A presentation: a title slide and a slide with {@code text}; {@code master} on the slide master when not null. */
    static Path ppt(Path file, String master, String text) throws IOException {
        try (HSLFSlideShow show = new HSLFSlideShow()) {
            if (master != null) {
                HSLFTextBox box = new HSLFTextBox();
                box.setText(master);
                box.setAnchor(new Rectangle(20, 10, 300, 40));
                show.getSlideMasters().get(0).addShape(box);
            }
            box(show.createSlide(), "试验简报");
            box(show.createSlide(), text);
            try (OutputStream out = Files.newOutputStream(file)) {
                show.write(out);
            }
        }
        return file;
    }

    private static void box(HSLFSlide slide, String text) {
        HSLFTextBox box = slide.createTextBox();
        box.setText(text);
        box.setAnchor(new Rectangle(50, 100, 600, 80));
    }

    /** A Word 97–2003 document: {@code docx} converted by LibreOffice (skipped without it, except on CI). */
    static Path doc(Path docx, Path dir) throws IOException, InterruptedException {
        return new LibreOffice(dir.resolve("lo")).convert(docx, "doc", dir);
    }
}
