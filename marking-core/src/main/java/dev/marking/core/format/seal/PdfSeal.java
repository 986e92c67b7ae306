package dev.marking.core.format.seal;

import dev.marking.core.format.SealKey;
import dev.marking.core.format.Seals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;

/**
 * PDF seals: a PAdES baseline B signature (an {@code ETSI.CAdES.detached} CMS signature made by
 * {@link CmsSignatures}) added to a stamped PDF as an incremental update, so earlier signatures stay valid and a
 * later restamp signs its own revision. Checking reads every signature's byte range back.
 */
final class PdfSeal {

    /** Room for the CMS signature in the file: a chain of a few 4096-bit RSA certificates fits. */
    private static final int SIGNATURE_ROOM = 16_384;

    private PdfSeal() {
    }

    /** Signs {@code pdf} in place (an incremental update), its reason naming {@code reason}. */
    static void sign(Path pdf, SealKey key, String reason) throws IOException {
        if (key.sm2()) {
            throw new IOException("PDF readers do not check SM2 signatures; seal.algorithm sm2 applies to detached"
                    + " signatures only");
        }
        Path signed = Files.createTempFile(pdf.toAbsolutePath().getParent(), ".marking-seal-", ".pdf");
        try {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream out = Files.newOutputStream(signed)) {
                PDSignature sig = new PDSignature();
                sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                sig.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
                sig.setName(commonName(key));
                sig.setReason(reason);
                sig.setSignDate(Calendar.getInstance());
                SignatureInterface cms = (InputStream content) -> {
                    CMSTypedData data = new CMSProcessableByteArray(content.readAllBytes());
                    return CmsSignatures.sign(key, data, true, null).getEncoded("DER");
                };
                try (SignatureOptions options = new SignatureOptions()) {
                    options.setPreferredSignatureSize(SIGNATURE_ROOM);
                    doc.addSignature(sig, cms, options);
                    doc.saveIncremental(out);
                }
            }
            Files.move(signed, pdf, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(signed);
        }
    }

    private static String commonName(SealKey key) {
        String dn = key.certificate().getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return dn;
    }

    /** What {@link #inspect} found: the signatures, and the newest signed revision's bytes when more followed it. */
    record Inspection(List<Seals.Signature> signatures, Optional<byte[]> signedRevision) {
    }

    /** Checks every signature of {@code pdf} (bytes as read), oldest first. */
    static Inspection inspect(byte[] pdf) throws IOException {
        List<Found> found = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDSignature s : doc.getSignatureDictionaries()) {
                found.add(new Found(s, s.getByteRange()));
            }
        }
        found.sort(Comparator.comparingLong(Found::end));
        List<Seals.Signature> out = new ArrayList<>();
        for (Found f : found) {
            out.add(check(f, pdf));
        }
        Optional<byte[]> revision = Optional.empty();
        if (!found.isEmpty()) {
            Found newest = found.get(found.size() - 1);
            long end = newest.end();
            if (end > 0 && end < pdf.length && !onlyWhitespace(pdf, (int) end)) {
                revision = Optional.of(Arrays.copyOf(pdf, (int) end));
            }
        }
        return new Inspection(out, revision);
    }

    private record Found(PDSignature signature, int[] range) {
        long end() {
            return range.length == 4 ? (long) range[2] + range[3] : -1;
        }
    }

    private static Seals.Signature check(Found f, byte[] pdf) {
        PDSignature s = f.signature();
        String mark = s.getReason() == null ? "" : s.getReason();
        int[] r = f.range();
        boolean covers = f.end() == pdf.length || f.end() > 0 && f.end() < pdf.length && onlyWhitespace(pdf, (int) f.end());
        if (r.length != 4 || r[0] != 0 || r[1] < 0 || r[2] < r[1] || f.end() > pdf.length) {
            return new Seals.Signature("pdf", false, "the byte range " + Arrays.toString(r) + " does not fit the file",
                    false, List.of(), mark);
        }
        String sub = s.getSubFilter();
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(sub)
                && !PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName().equals(sub)) {
            return new Seals.Signature("pdf", false, "a signature of kind " + sub + " is not checked", covers,
                    List.of(), mark);
        }
        try {
            byte[] contents = s.getContents(pdf);
            byte[] signed = s.getSignedContent(pdf);
            // /Contents is padded with zeros after the signature: read the one object it starts with.
            ContentInfo info;
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                info = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), info);
            return CmsSignatures.verify("pdf", cms, covers, mark);
        } catch (IOException | CMSException | RuntimeException e) {
            return new Seals.Signature("pdf", false, e.getClass().getSimpleName() + ": " + e.getMessage(), covers,
                    List.of(), mark);
        }
    }

    /** True when everything from {@code from} on is white space (some writers end a file with a newline). */
    private static boolean onlyWhitespace(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != '\n' && bytes[i] != '\r' && bytes[i] != ' ' && bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
