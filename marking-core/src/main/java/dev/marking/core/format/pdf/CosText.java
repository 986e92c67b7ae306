package dev.marking.core.format.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;

/**
 * PDF syntax for direct objects of a parsed document, with indirect objects written as references
 * ({@code 12 0 R}); what {@link CopyUpdate} needs to write objects into an incremental update.
 */
final class CosText {

    private CosText() {
    }

    /** {@code value} in PDF syntax; an indirect object becomes its reference. */
    static void write(COSBase value, ByteArrayOutputStream out) throws IOException {
        if (value instanceof COSObject o) {
            COSObjectKey key = o.getKey();
            if (key == null) {
                write(o.getObject(), out);
                return;
            }
            ascii(out, key.getNumber() + " " + key.getGeneration() + " R");
        } else if (value instanceof COSDictionary d) {
            ascii(out, "<<");
            for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                e.getKey().writePDF(out);
                ascii(out, " ");
                write(e.getValue(), out);
                ascii(out, "\n");
            }
            ascii(out, ">>");
        } else if (value instanceof COSArray a) {
            ascii(out, "[");
            for (int i = 0; i < a.size(); i++) {
                write(a.get(i), out);
                ascii(out, " ");
            }
            ascii(out, "]");
        } else if (value instanceof COSName n) {
            n.writePDF(out);
        } else if (value instanceof COSString s) {
            COSWriter.writeString(s, out);
        } else if (value instanceof COSInteger i) {
            ascii(out, Long.toString(i.longValue()));
        } else if (value instanceof COSFloat f) {
            f.writePDF(out);
        } else if (value instanceof COSBoolean b) {
            b.writePDF(out);
        } else {
            COSNull.NULL.writePDF(out);
        }
    }

    static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
