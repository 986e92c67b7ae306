package dev.marking.core.format.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * DESIGN §3.4 metadata in a PDF: the document information dictionary and XMP. When the two disagree
 * on a key, the Info value is reported and the XMP value is added as {@code xmp.marking.*}, so the
 * rules can see the disagreement.
 */
final class PdfMetadata {

    private static final String PREFIX = "marking.";

    private PdfMetadata() {
    }

    /** Every Info entry with a simple value, plus our XMP keys. */
    static Map<String, String> read(PDDocument doc) {
        Map<String, String> out = new LinkedHashMap<>();
        COSDictionary info = doc.getDocumentInformation().getCOSObject();
        for (Map.Entry<COSName, COSBase> e : info.entrySet()) {
            String value = simple(info.getDictionaryObject(e.getKey()));
            if (value != null) {
                out.put(e.getKey().getName(), value);
            }
        }
        for (Map.Entry<String, String> e : xmp(doc).entrySet()) {
            String infoValue = out.get(e.getKey());
            if (infoValue == null) {
                out.put(e.getKey(), e.getValue());
            } else if (!infoValue.equals(e.getValue())) {
                out.put("xmp." + e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Replaces our keys in Info and XMP with {@code values} and sets the modification date in both to now. */
    static void write(PDDocument doc, Map<String, String> values) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        COSDictionary dict = info.getCOSObject();
        for (COSName key : dict.keySet().toArray(new COSName[0])) {
            if (key.getName().startsWith(PREFIX)) {
                dict.removeItem(key);
            }
        }
        values.forEach(info::setCustomMetadataValue);
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        now.set(Calendar.MILLISECOND, 0);
        info.setModificationDate(now);
        doc.setDocumentInformation(info);
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMetadata existing = catalog.getMetadata();
        String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.toInstant().atOffset(ZoneOffset.UTC));
        byte[] packet = XmpMarking.write(existing == null ? null : bytes(existing), values, iso);
        if (packet != null) {
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(packet);
            catalog.setMetadata(metadata);
        }
    }

    private static Map<String, String> xmp(PDDocument doc) {
        try {
            PDMetadata m = doc.getDocumentCatalog().getMetadata();
            return m == null ? Map.of() : XmpMarking.read(bytes(m));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static byte[] bytes(PDMetadata m) throws IOException {
        try (InputStream in = m.exportXMPMetadata()) {
            return in.readAllBytes();
        }
    }

    private static String simple(COSBase v) {
        if (v instanceof COSString s) {
            return s.getString();
        }
        if (v instanceof COSName n) {
            return n.getName();
        }
        if (v instanceof COSInteger i) {
            return Long.toString(i.longValue());
        }
        if (v instanceof COSNumber n) {
            return Float.toString(n.floatValue());
        }
        if (v instanceof COSBoolean b) {
            return Boolean.toString(b.getValue());
        }
        return null;
    }
}
