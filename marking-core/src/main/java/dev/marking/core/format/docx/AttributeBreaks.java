package dev.marking.core.format.docx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Line breaks inside attribute values (the two lines of a watermark's {@code v:textpath string}). XML
 * turns a literal line break in an attribute into a space, and POI writes attribute values as they are,
 * so the DOM carries {@link #MARK} instead and the written package gets {@code &#10;} in its place.
 */
final class AttributeBreaks {

    /** Private-use character standing for a line break in an attribute, until the package is written. */
    static final char MARK = '\uE002';
    private static final byte[] MARK_BYTES = String.valueOf(MARK).getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENTITY = "&#10;".getBytes(StandardCharsets.US_ASCII);

    private AttributeBreaks() {
    }

    /** Writes the package {@code zip} to {@code out} with every {@link #MARK} turned into {@code &#10;}. */
    static void restore(byte[] zip, OutputStream out) throws IOException {
        ZipOutputStream z = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().endsWith(".xml") ? replace(data) : data);
                z.closeEntry();
            }
        }
        z.finish();
    }

    private static byte[] replace(byte[] data) {
        ByteArrayOutputStream out = null;
        int from = 0;
        for (int i = 0; i <= data.length - MARK_BYTES.length; i++) {
            if (data[i] == MARK_BYTES[0] && data[i + 1] == MARK_BYTES[1] && data[i + 2] == MARK_BYTES[2]) {
                if (out == null) {
                    out = new ByteArrayOutputStream(data.length + 64);
                }
                out.write(data, from, i - from);
                out.writeBytes(ENTITY);
                from = i + MARK_BYTES.length;
                i += MARK_BYTES.length - 1;
            }
        }
        if (out == null) {
            return data;
        }
        out.write(data, from, data.length - from);
        return out.toByteArray();
    }
}
