package dev.marking.core.format.pdf;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.PDCryptFilterDictionary;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Keeps an owner-password-only PDF protected after stamping: same permission bits, same key length
 * and cipher family, an empty user password (it opened without one) and a fresh random owner password,
 * because the original owner password is unknown. The owner can lift the restrictions only with tools
 * that ignore them, exactly as before.
 */
final class PdfProtection {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PdfProtection() {
    }

    /** Re-applies the document's protection for saving; no-op for unencrypted documents. */
    static void keep(PDDocument doc) throws IOException {
        if (!doc.isEncrypted()) {
            return;
        }
        PDEncryption enc = doc.getEncryption();
        AccessPermission permissions = new AccessPermission(enc.getPermissions());
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        StandardProtectionPolicy policy = new StandardProtectionPolicy(HexFormat.of().formatHex(secret), "", permissions);
        int length = enc.getLength() > 0 ? enc.getLength() : 40;
        policy.setEncryptionKeyLength(length <= 40 ? 40 : length <= 128 ? 128 : 256);
        policy.setPreferAES(usesAes(enc));
        doc.protect(policy);
    }

    private static boolean usesAes(PDEncryption enc) {
        if (enc.getVersion() >= 5) {
            return true;
        }
        PDCryptFilterDictionary std = enc.getStdCryptFilterDictionary();
        if (std == null) {
            return false;
        }
        COSName method = std.getCryptFilterMethod();
        return COSName.AESV2.equals(method) || COSName.AESV3.equals(method);
    }
}
