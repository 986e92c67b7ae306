package dev.marking.core.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distribution ledger opened for issuing copies: holds an exclusive lock on the ledger file for as
 * long as it is open, so two stamp runs (in this or other processes) never issue the same number; each
 * line is written whole and forced to disk before the next copy is logged.
 */
public final class LedgerWriter implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Ledger existing;

    private LedgerWriter(Path file, FileChannel channel, FileLock lock, Ledger existing) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.existing = existing;
    }

    /** Opens (creating if needed) and locks the ledger, waiting while another run holds it. */
    public static LedgerWriter open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            FileLock lock = lock(ch);
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(ch.size()));
            long pos = 0;
            while (all.hasRemaining()) {
                int n = ch.read(all, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
            Ledger ledger = Ledger.parse(file, new String(all.array(), StandardCharsets.UTF_8));
            ch.position(ch.size());
            return new LedgerWriter(file, ch, lock, ledger);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Waits for the lock, also while another run in this JVM holds it. The ledger is read through this
     * channel only: closing another descriptor of the file would drop the POSIX lock.
     */
    private static FileLock lock(FileChannel ch) throws IOException {
        while (true) {
            try {
                return ch.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the ledger lock", ie);
                }
            }
        }
    }

    /** The ledger as it was when opened. */
    public Ledger existing() {
        return existing;
    }

    /** Appends one entry as a JSON line and forces it to disk. */
    public synchronized void append(LedgerEntry e) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("document", e.document());
        m.put("copy", e.copy());
        m.put("recipient", e.recipient());
        m.put("file", e.file());
        m.put("sha256", e.sha256());
        m.put("time", e.time());
        byte[] line = (MAPPER.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(true);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
