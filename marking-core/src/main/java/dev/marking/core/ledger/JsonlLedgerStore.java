package dev.marking.core.ledger;

import dev.marking.core.ledger.LedgerEntry.State;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger in a JSON-lines file. The lock is an exclusive lock on the file, so runs in other processes
 * wait too; the file is read and written through the one locked channel (closing another descriptor of
 * it would drop the POSIX lock). Each append is one positional write at the end followed by a forced
 * sync; when it fails part-way the file is truncated back to its previous length.
 */
final class JsonlLedgerStore implements LedgerStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Opens the channel a session reads and writes through (tests put a failing one in its place). */
    @FunctionalInterface
    interface Channels {
        FileChannel open(Path file) throws IOException;
    }

    private final Path file;
    private final Channels channels;

    JsonlLedgerStore(Path file) {
        this(file, f -> FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ));
    }

    JsonlLedgerStore(Path file, Channels channels) {
        this.file = file;
        this.channels = channels;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public Ledger read() throws IOException {
        return Files.exists(file) ? Ledger.read(file) : new Ledger(List.of(), List.of());
    }

    @Override
    public boolean writable() {
        return Files.isWritable(file);
    }

    @Override
    public LedgerSession lock() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        FileChannel ch = channels.open(file);
        try {
            FileLock lock = lock(ch);
            byte[] bytes = readAll(ch);
            LedgerLines.Parsed parsed = LedgerLines.parse(file, bytes);
            Session s = new Session(ch, lock, parsed.entries(), parsed.unended());
            if (parsed.torn().isPresent()) {
                s.repair(bytes, parsed);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Waits for the exclusive lock on {@code ch}, also while another session in this JVM holds it. */
    static FileLock lock(FileChannel ch) throws IOException {
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

    private static byte[] readAll(FileChannel ch) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(ch.size()));
        long pos = 0;
        while (all.hasRemaining()) {
            int n = ch.read(all, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        return all.array();
    }

    /** One locked session over the file. */
    private final class Session extends AppendingSession {

        private final FileChannel channel;
        private final FileLock lock;
        private final List<LedgerEntry> lines;
        private final List<String> repairs = new ArrayList<>();
        private boolean unended;

        Session(FileChannel channel, FileLock lock, List<LedgerEntry> lines, boolean unended) {
            this.channel = channel;
            this.lock = lock;
            this.lines = new ArrayList<>(lines);
            this.unended = unended;
        }

        /**
         * Keeps the whole file as a backup, cuts the torn line off, and voids the copy it named unless the
         * ledger already knows that copy (then recovery settles it from its other lines).
         */
        void repair(byte[] before, LedgerLines.Parsed parsed) throws IOException {
            LedgerLines.Torn torn = parsed.torn().orElseThrow();
            Path backup = file.resolveSibling(file.getFileName() + ".torn-" + STAMP.format(Instant.now()) + ".bak");
            Files.write(backup, before, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            copyPermissions(file, backup);
            channel.truncate(parsed.goodLength());
            channel.force(true);
            StringBuilder note = new StringBuilder(file + ":" + torn.line() + ": the last line was cut off by an"
                    + " earlier run (a full disk or a crash); the whole file is kept as " + backup.getFileName()
                    + " and the incomplete line was removed");
            Optional<String[]> named = torn.documentAndCopy();
            if (named.isPresent() && current().state(named.get()[0], named.get()[1]).isEmpty()) {
                String doc = named.get()[0];
                String copy = named.get()[1];
                append(List.of(new LedgerEntry(State.VOID, doc, copy, null, null, null, null, Instant.now().toString(),
                        "salvaged from a line cut off at " + file.getFileName() + ":" + torn.line() + " (backup "
                        + backup.getFileName() + "); if a file of this copy exists, it was never confirmed:"
                        + " destroy it", null, null, null)));
                note.append("; copy ").append(copy).append(" of document ").append(doc)
                        .append(" it named is void and will not be issued again");
            }
            repairs.add(note.toString());
        }

        private Ledger current() {
            return new Ledger(lines, repairs);
        }

        @Override
        public Ledger ledger() {
            return current();
        }

        @Override
        public List<String> repairs() {
            return List.copyOf(repairs);
        }

        @Override
        public String name() {
            return file.toString();
        }

        @Override
        synchronized void write(List<LedgerEntry> entries, boolean force) throws IOException {
            if (entries.isEmpty()) {
                return;
            }
            byte[] body = LedgerLines.encode(entries);
            ByteBuffer buf = ByteBuffer.allocate(body.length + (unended ? 1 : 0));
            if (unended) {
                buf.put((byte) '\n');
            }
            buf.put(body).flip();
            long before = channel.size();
            try {
                long pos = before;
                while (buf.hasRemaining()) {
                    pos += channel.write(buf, pos);
                }
                if (force) {
                    channel.force(true);
                }
            } catch (IOException e) {
                takeBack(before, e);
                throw new IOException(file + ": cannot write to the ledger (" + e.getMessage() + "); the entry was not"
                        + " written", e);
            } catch (RuntimeException e) {
                takeBack(before, e);
                throw e;
            }
            unended = false;
            lines.addAll(entries);
        }

        /** Truncates to the length before a failed append; if even that fails, the next session repairs it. */
        private void takeBack(long length, Exception failure) {
            try {
                channel.truncate(length);
                channel.force(true);
            } catch (IOException | RuntimeException t) {
                failure.addSuppressed(t);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (channel.isOpen()) {
                    channel.force(true);
                }
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** The backup is as private as the ledger. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            PosixFileAttributes attrs = view.readAttributes();
            Files.setPosixFilePermissions(to, attrs.permissions());
        }
    }
}
