package dev.marking.core.format.pdf;

import dev.marking.core.format.StampOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;

/**
 * The incremental update that turns a {@link CopyTemplate}'s base into one numbered copy: the per-copy
 * forms drawn for this copy, a new Info dictionary and XMP packet under the same object numbers, a
 * classic xref section and a trailer whose {@code /Prev} points at the base's.
 */
final class CopyUpdate {

    /**
     * What the update's trailer and metadata objects repeat from the base.
     *
     * @param size      the base trailer's {@code /Size}
     * @param prev      the base's {@code startxref}
     * @param root      the catalog reference, as PDF syntax
     * @param id        the {@code /ID} array as PDF syntax, or empty
     * @param info      the Info dictionary's object
     * @param otherInfo the Info entries that are not ours, as PDF syntax
     * @param xmp       the XMP stream's object, if the base has one
     * @param packet    the base's XMP packet (our keys are replaced per copy), or null
     */
    record Trailer(int size, long prev, String root, String id, COSObjectKey info, byte[] otherInfo,
            Optional<COSObjectKey> xmp, byte[] packet) {
    }

    private final long baseLength;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<COSObjectKey, Long> offsets = new TreeMap<>();

    private CopyUpdate(long baseLength) {
        this.baseLength = baseLength;
    }

    /** The bytes to append to {@code template}'s base for the copy {@code options} describes. */
    static byte[] of(CopyTemplate template, StampOptions options) throws IOException {
        CopyUpdate u = new CopyUpdate(template.base.length);
        CosText.ascii(u.out, "\n");
        StampPainter painter = new StampPainter(template.glyphs, options, false);
        for (CopyTemplate.Form f : template.forms) {
            byte[] content = deflate(painter.draw(f.frame(), f.plan()));
            byte[] dict = f.dictionary();
            String extra = "/Filter /FlateDecode /Length " + content.length + ">>";
            u.begin(f.key());
            u.out.writeBytes(Arrays.copyOf(dict, dict.length - 2));
            CosText.ascii(u.out, extra);
            u.stream(content);
        }
        Trailer t = template.trailer;
        u.begin(t.info());
        CosText.ascii(u.out, "<<");
        u.out.writeBytes(t.otherInfo());
        for (Map.Entry<String, String> e : options.metadata().entrySet()) {
            COSName.getPDFName(e.getKey()).writePDF(u.out);
            CosText.ascii(u.out, " ");
            COSWriter.writeString(new COSString(e.getValue()), u.out);
            CosText.ascii(u.out, "\n");
        }
        CosText.ascii(u.out, ">>\nendobj\n");
        if (t.xmp().isPresent()) {
            byte[] packet = XmpMarking.write(t.packet(), options.metadata());
            if (packet != null) {
                u.begin(t.xmp().get());
                CosText.ascii(u.out, "<</Type /Metadata /Subtype /XML /Length " + packet.length + ">>");
                u.stream(packet);
            }
        }
        u.finish(t);
        return u.out.toByteArray();
    }

    private void begin(COSObjectKey key) {
        offsets.put(key, baseLength + out.size());
        CosText.ascii(out, key.getNumber() + " " + key.getGeneration() + " obj\n");
    }

    private void stream(byte[] data) {
        CosText.ascii(out, "\nstream\n");
        out.writeBytes(data);
        CosText.ascii(out, "\nendstream\nendobj\n");
    }

    private void finish(Trailer t) {
        long xref = baseLength + out.size();
        StringBuilder sb = new StringBuilder("xref\n");
        for (Map.Entry<COSObjectKey, Long> e : offsets.entrySet()) {
            sb.append(e.getKey().getNumber()).append(" 1\n")
                    .append(String.format("%010d %05d n\r\n", e.getValue(), e.getKey().getGeneration()));
        }
        sb.append("trailer\n<</Size ").append(t.size()).append(" /Root ").append(t.root())
                .append(" /Info ").append(t.info().getNumber()).append(' ').append(t.info().getGeneration()).append(" R");
        if (!t.id().isEmpty()) {
            sb.append(" /ID ").append(t.id());
        }
        sb.append(" /Prev ").append(t.prev()).append(">>\nstartxref\n").append(xref).append("\n%%EOF\n");
        CosText.ascii(out, sb.toString());
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(data.length / 2 + 64);
        try (DeflaterOutputStream d = new DeflaterOutputStream(b)) {
            d.write(data);
        }
        return b.toByteArray();
    }
}
