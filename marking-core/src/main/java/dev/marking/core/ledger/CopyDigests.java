package dev.marking.core.ledger;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SHA-256 of the copies of one batch, as lower-case hex. Copies begin with the same bytes (the source and its
 * common stamp) and differ in their last few kilobytes, so the first copy hashed is kept, with the digest's state
 * after every {@value #STEP} bytes; a later copy is compared with it as it is read, and hashing resumes from the
 * last state before their first difference. Each result is the SHA-256 of the file as it is on disk: every byte is
 * read, and a byte that is not the kept copy's is hashed. Without this, hashing was half the CPU of 50 copies of a
 * 1.5 MB PDF. Safe for use by the threads of one batch.
 */
final class CopyDigests {

    /** Bytes between two saved states of the digest. */
    static final int STEP = 16 * 1024;
    /** A first copy larger than this is not kept: every copy is then hashed in full. */
    static final long MAX_KEPT = 64L * 1024 * 1024;

    private final long maxKept;
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    CopyDigests() {
        this(MAX_KEPT);
    }

    /** Digests that keep a first copy of at most {@code maxKept} bytes (tests use small limits). */
    CopyDigests(long maxKept) {
        this.maxKept = maxKept;
    }

    /** The SHA-256 of {@code file}, as lower-case hex. */
    String sha256(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            Kept k = kept.get();
            MessageDigest sha = k == null ? keeping(in) : resumed(in, k);
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** Hashes all of {@code in}, keeping its bytes and states for later copies when it is small enough. */
    private MessageDigest keeping(FileChannel in) throws IOException {
        long size = in.size();
        MessageDigest sha = newSha();
        if (size > maxKept) {
            hashFrom(in, 0, sha);
            return sha;
        }
        byte[] bytes = new byte[(int) size];
        List<MessageDigest> states = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += STEP) {
            states.add(copy(sha));
            int n = Math.min(STEP, bytes.length - at);
            read(in, at, bytes, at, n);
            sha.update(bytes, at, n);
        }
        if (bytes.length % STEP == 0) {
            states.add(copy(sha));
        }
        if (in.size() != size) {
            throw new IOException("the copy changed while it was hashed");
        }
        kept.compareAndSet(null, new Kept(bytes, states));
        return sha;
    }

    /** Hashes {@code in} from the last kept state at or before its first difference with {@code k}. */
    private static MessageDigest resumed(FileChannel in, Kept k) throws IOException {
        long size = in.size();
        long common = Math.min(size, k.bytes.length);
        byte[] block = new byte[STEP];
        long same = 0;
        while (same < common) {
            int n = (int) Math.min(STEP, common - same);
            read(in, same, block, 0, n);
            int differs = Arrays.mismatch(block, 0, n, k.bytes, (int) same, (int) same + n);
            if (differs >= 0) {
                same += differs;
                break;
            }
            same += n;
        }
        int state = (int) (same / STEP);
        MessageDigest sha = copy(k.states.get(state));
        hashFrom(in, (long) state * STEP, sha);
        return sha;
    }

    private static void hashFrom(FileChannel in, long from, MessageDigest sha) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(STEP);
        long at = from;
        while (true) {
            buffer.clear();
            int n = in.read(buffer, at);
            if (n < 0) {
                return;
            }
            buffer.flip();
            sha.update(buffer);
            at += n;
        }
    }

    private static void read(FileChannel in, long position, byte[] into, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, offset, length);
        while (b.hasRemaining()) {
            if (in.read(b, position + b.position() - offset) < 0) {
                throw new EOFException("the copy ended while it was hashed");
            }
        }
    }

    private static MessageDigest newSha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    private static MessageDigest copy(MessageDigest sha) {
        try {
            return (MessageDigest) sha.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JVM's SHA-256 cannot be copied", e);
        }
    }

    /**
     * The first copy hashed.
     *
     * @param bytes  its bytes
     * @param states the digest's state after 0, {@value #STEP}, 2 × {@value #STEP}, … of them, up to its end
     */
    private record Kept(byte[] bytes, List<MessageDigest> states) {
    }
}
