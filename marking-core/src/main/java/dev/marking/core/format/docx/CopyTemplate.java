package dev.marking.core.format.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A document stamped once with {@link CopyTexts#placeholders}, kept as the parts of its package: parts
 * without a placeholder are compressed once and copied as they are; the parts with one (document,
 * headers, footers, custom properties) are cut at the placeholders, their fixed pieces compressed once,
 * and each copy only adds its own values between them. Immutable, so any number of threads can write copies.
 */
final class CopyTemplate {

    private final List<StoredZip.Part> parts;

    private CopyTemplate(List<StoredZip.Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Cuts the stamped package {@code zip} at the placeholders of {@code nonce}; empty when it cannot be
     * written by {@link StoredZip} (too large) or the copy number's placeholder is missing.
     */
    static Optional<CopyTemplate> of(byte[] zip, String nonce) throws IOException {
        byte[] open = (CopyTexts.OPEN + nonce).getBytes(StandardCharsets.UTF_8);
        byte[] close = String.valueOf(CopyTexts.CLOSE).getBytes(StandardCharsets.UTF_8);
        List<StoredZip.Part> parts = new ArrayList<>();
        boolean copySeen = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                List<Object> pieces = cut(data, open, close);
                if (pieces.size() == 1) {
                    parts.add(StoredZip.Part.fixed(e.getName(), data));
                } else {
                    copySeen |= pieces.contains('a');
                    parts.add(StoredZip.Part.templated(e.getName(), pieces));
                }
            }
        }
        if (!copySeen || !StoredZip.fits(parts)) {
            return Optional.empty();
        }
        return Optional.of(new CopyTemplate(parts));
    }

    /** Writes one copy with {@code values} in place of the placeholders. */
    void write(OutputStream out, CopyTexts values) throws IOException {
        byte[][] slots = new byte[CopyTexts.LAST_LETTER - 'a' + 1][];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = values.escaped((char) ('a' + i)).getBytes(StandardCharsets.UTF_8);
        }
        StoredZip.write(out, parts, letter -> slots[letter - 'a']);
    }

    /** {@code data} as byte arrays (fixed text) and characters (placeholder letters), in order. */
    private static List<Object> cut(byte[] data, byte[] open, byte[] close) {
        List<Object> pieces = new ArrayList<>();
        int from = 0;
        for (int i = indexOf(data, open, 0); i >= 0; i = indexOf(data, open, from)) {
            int letter = i + open.length;
            int end = letter + 1;
            if (end + close.length > data.length || !regionMatches(data, end, close)) {
                throw new IllegalStateException("malformed placeholder in the stamped template");
            }
            pieces.add(Arrays.copyOfRange(data, from, i));
            pieces.add((char) data[letter]);
            from = end + close.length;
        }
        pieces.add(Arrays.copyOfRange(data, from, data.length));
        return pieces;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        for (int i = from; i <= data.length - needle.length; i++) {
            if (data[i] == needle[0] && regionMatches(data, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatches(byte[] data, int at, byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (data[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
