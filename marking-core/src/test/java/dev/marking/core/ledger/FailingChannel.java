package dev.marking.core.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file channel that behaves like a disk filling up: writes succeed until {@code budget} more bytes have
 * been written, then the write in progress is cut short (the bytes that fit are written, as a real full disk
 * does) and the next call fails with "No space left on device". Truncation can be made to fail as well.
 */
final class FailingChannel extends FileChannel {

    private final FileChannel real;
    private long budget;
    private boolean truncateFails;

    private FailingChannel(FileChannel real, long budget) {
        this.real = real;
        this.budget = budget;
    }

    static FailingChannel open(Path file, long budget) throws IOException {
        return new FailingChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ), budget);
    }

    /** From now on {@link #truncate} fails too. */
    FailingChannel failTruncation() {
        truncateFails = true;
        return this;
    }

    /** Frees {@code bytes} more (someone deleted a file). */
    void free(long bytes) {
        budget = bytes;
    }

    private int cut(ByteBuffer src, long position) throws IOException {
        if (budget <= 0) {
            throw new IOException("No space left on device");
        }
        int n = (int) Math.min(src.remaining(), budget);
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + n);
        int written = position < 0 ? real.write(part) : real.write(part, position);
        src.position(src.position() + written);
        budget -= written;
        return written;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return cut(src, -1);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return cut(src, position);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (truncateFails) {
            throw new IOException("Input/output error");
        }
        real.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public void force(boolean metaData) throws IOException {
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new IOException("not used by the ledger");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new IOException("not used by the ledger");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
