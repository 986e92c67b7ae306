package dev.marking.core.format.convert;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/** A small real XLS (POI HSSF) for conversion tests. */
final class LegacyBinaries {

    private LegacyBinaries() {
    }

    static Path xlsLike(Path dir) throws Exception {
        return xlsLike(dir, null);
    }

    /** The same workbook, encrypted with {@code password} (RC4, as Excel 97–2003 does) when it is not null. */
    static Path xlsLike(Path dir, String password) throws Exception {
        Path file = dir.resolve("legacy.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("表一").createRow(0).createCell(0).setCellValue("试验简报");
            Biff8EncryptionKey.setCurrentUserPassword(password);
            wb.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        return file;
    }
}
