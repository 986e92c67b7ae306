package dev.marking.core.format.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a ZIP package from parts compressed ahead of time. A templated part is a raw deflate stream
 * spliced together per copy: each fixed piece was compressed on its own and ends byte-aligned (sync
 * flush), each value goes in as a stored block, and an empty final block closes the stream, so a copy
 * costs a CRC and a copy of bytes, no compression. No ZIP64: {@link #fits} says when a package is too big.
 */
final class StoredZip {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int VERSION = 20;
    private static final int DEFLATED = 8;
    private static final int UTF8_NAMES = 0x0800;
    /** 1980-01-01 00:00 in MS-DOS form: copies of one template are byte-identical where their content is. */
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final int MAX_STORED_BLOCK = 0xFFFF;
    /** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
    private static final byte[] FINAL_BLOCK = {0x03, 0x00};
    private static final long LIMIT = 0xFFFF_FFFFL / 2;
    private static final int MAX_ENTRIES = 0xFFFF;
    private static final int BUFFER = 64 * 1024;

    private StoredZip() {
    }

    /**
     * One part of the package.
     *
     * @param name     the part's entry name
     * @param crc      CRC-32 of a fixed part's content (unused for templated parts)
     * @param size     a fixed part's size
     * @param deflated a fixed part's compressed content
     * @param pieces   a templated part's pieces: {@link Piece}s and placeholder letters ({@link Character})
     */
    record Part(String name, long crc, long size, byte[] deflated, List<Object> pieces) {

        static Part fixed(String name, byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            return new Part(name, crc.getValue(), data.length, deflate(data, true), List.of());
        }

        /** {@code pieces} are byte arrays and letters, as {@link CopyTemplate} cuts them. */
        static Part templated(String name, List<Object> pieces) {
            List<Object> out = new ArrayList<>();
            for (Object p : pieces) {
                if (p instanceof byte[] b) {
                    if (b.length > 0) {
                        out.add(new Piece(b, deflate(b, false)));
                    }
                } else {
                    out.add(p);
                }
            }
            return new Part(name, 0, 0, null, List.copyOf(out));
        }

        boolean templated() {
            return deflated == null;
        }

        long weight() {
            return templated() ? pieces.stream().mapToLong(p -> p instanceof Piece q ? q.raw.length : 0).sum()
                    : deflated.length;
        }
    }

    /** A fixed piece of a templated part, with its byte-aligned compressed form. */
    record Piece(byte[] raw, byte[] deflated) {
    }

    /** True when the package stays well inside the classic ZIP limits. */
    static boolean fits(List<Part> parts) {
        return parts.size() < MAX_ENTRIES && parts.stream().mapToLong(Part::weight).sum() < LIMIT;
    }

    /** Writes the package, taking each placeholder's bytes (already XML-escaped) from {@code values}. */
    static void write(OutputStream out, List<Part> parts, IntFunction<byte[]> values) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        for (Part p : parts) {
            long crc = p.crc();
            long size = p.size();
            byte[] data = p.deflated();
            if (p.templated()) {
                CRC32 sum = new CRC32();
                ByteArrayOutputStream body = new ByteArrayOutputStream(BUFFER);
                size = 0;
                for (Object o : p.pieces()) {
                    byte[] raw = o instanceof Piece piece ? piece.raw() : values.apply((Character) o);
                    sum.update(raw);
                    size += raw.length;
                    if (o instanceof Piece piece) {
                        body.write(piece.deflated());
                    } else {
                        stored(body, raw);
                    }
                }
                body.write(FINAL_BLOCK);
                crc = sum.getValue();
                data = body.toByteArray();
            }
            byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
            int flags = p.name().chars().allMatch(c -> c < 0x80) ? 0 : UTF8_NAMES;
            byte[] local = header(LOCAL, flags, crc, data.length, size, name, -1);
            out.write(local);
            out.write(data);
            central.write(header(CENTRAL, flags, crc, data.length, size, name, offset));
            offset += local.length + data.length;
        }
        byte[] dir = central.toByteArray();
        out.write(dir);
        Le end = new Le(22).i32(END).i16(0).i16(0).i16(parts.size()).i16(parts.size()).i32(dir.length).i32(offset).i16(0);
        out.write(end.bytes());
    }

    /** A local ({@code offset} &lt; 0) or central directory header. */
    private static byte[] header(int signature, int flags, long crc, long compressed, long size, byte[] name,
            long offset) {
        boolean central = offset >= 0;
        Le h = new Le((central ? 46 : 30) + name.length).i32(signature);
        if (central) {
            h.i16(VERSION);
        }
        h.i16(VERSION).i16(flags).i16(DEFLATED).i16(0).i16(DOS_DATE).i32(crc).i32(compressed).i32(size)
                .i16(name.length).i16(0);
        if (central) {
            h.i16(0).i16(0).i16(0).i32(0).i32(offset);
        }
        return h.name(name).bytes();
    }

    /** Stored (uncompressed) deflate blocks for {@code raw}; the stream is byte-aligned before and after. */
    private static void stored(ByteArrayOutputStream out, byte[] raw) {
        for (int from = 0; from < raw.length; from += MAX_STORED_BLOCK) {
            int len = Math.min(MAX_STORED_BLOCK, raw.length - from);
            out.write(0);
            out.write(len & 0xFF);
            out.write(len >>> 8);
            out.write(~len & 0xFF);
            out.write((~len >>> 8) & 0xFF);
            out.write(raw, from, len);
        }
    }

    /** Raw deflate of {@code data}: a whole stream when {@code finish}, else byte-aligned blocks (sync flush). */
    private static byte[] deflate(byte[] data, boolean finish) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            if (finish) {
                d.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
            byte[] buf = new byte[BUFFER];
            while (true) {
                int n = d.deflate(buf, 0, buf.length, finish ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
                if (finish ? d.finished() : n < buf.length && d.needsInput()) {
                    return out.toByteArray();
                }
            }
        } finally {
            d.end();
        }
    }

    /** A little-endian byte builder for the fixed-size headers. */
    private static final class Le {
        private final byte[] b;
        private int at;

        Le(int size) {
            b = new byte[size];
        }

        Le i16(int v) {
            b[at++] = (byte) v;
            b[at++] = (byte) (v >>> 8);
            return this;
        }

        Le i32(long v) {
            i16((int) (v & 0xFFFF));
            return i16((int) ((v >>> 16) & 0xFFFF));
        }

        Le name(byte[] name) {
            System.arraycopy(name, 0, b, at, name.length);
            at += name.length;
            return this;
        }

        byte[] bytes() {
            return b;
        }
    }
}
