package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed, owner-password-protected PDF: the update is appended and encrypted with the file's own key. */
class PdfSignedEncryptedTest {

    @TempDir
    Path tmp;

    @Test
    void signedAndProtectedGetsAnEncryptedIncrementalUpdate() throws Exception {
        AccessPermission ap = new AccessPermission();
        ap.setCanModify(false);
        Path protectedPdf = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Signed body")).build(tmp.resolve("p.pdf"), doc -> {
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner-secret", "", ap);
            p.setEncryptionKeyLength(128);
            p.setPreferAES(true);
            doc.protect(p);
        });
        Path signed = tmp.resolve("signed.pdf");
        try (PDDocument doc = Loader.loadPDF(protectedPdf.toFile()); OutputStream out = Files.newOutputStream(signed)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setName("Test signer");
            sig.setSignDate(Calendar.getInstance());
            // the signature bytes do not matter here: only that a signed revision exists and stays byte-identical
            doc.addSignature(sig, content -> new byte[64]);
            doc.saveIncremental(out);
        }
        Path out = tmp.resolve("out.pdf");
        new PdfFormat().stamp(signed, out, PdfTestSupport.options());
        byte[] before = Files.readAllBytes(signed);
        byte[] after = Files.readAllBytes(out);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "signed revision untouched");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertTrue(doc.isEncrypted());
            assertEquals(1, doc.getSignatureDictionaries().size());
        }
        PdfCorpusTest.assertStamped(new PdfFormat().read(out), PdfTestSupport.options(), 1);
        PdfCorpusTest.assertQpdfCheck(out);
    }
}
