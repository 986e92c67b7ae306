package dev.marking.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Password-protected documents as Office writes them, for tests of files that must fail closed. */
public final class Passwords {

    private Passwords() {
    }

    /** {@code plain} (an OOXML package) encrypted with {@code password} (agile encryption) into {@code target}. */
    public static Path encryptedOoxml(Path plain, Path target, String password) throws IOException,
            GeneralSecurityException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword(password);
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
        }
        return target;
    }

    /** A one-sheet Excel 97–2003 workbook written by POI encrypted with {@code password} (RC4, as Excel does). */
    public static Path encryptedXls(Path target, String password) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            wb.createSheet("表一").createRow(0).createCell(0).setCellValue("正文第一段。");
            Biff8EncryptionKey.setCurrentUserPassword(password);
            try {
                wb.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        return target;
    }
}
