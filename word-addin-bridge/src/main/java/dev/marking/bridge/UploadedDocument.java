package dev.marking.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jetty.io.Content;

/**
 * A request's document, written to a private per-request folder under its own name (adapters choose by
 * extension), owner-only, and deleted with the folder when the request ends. The body is taken as it arrives,
 * without holding a thread while the client is slow.
 */
final class UploadedDocument implements AutoCloseable {

    /** The body is larger than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the document is larger than the limit of " + limit + " bytes");
        }
    }

    /** Told once: the whole document, or why there is none (its folder is then already gone). */
    interface Receiver {
        void received(UploadedDocument doc);

        void failed(Throwable why);
    }

    private final Path folder;
    private final Path file;
    private final String name;
    private final String hash;
    private final long size;

    private UploadedDocument(Path folder, Path file, String name, String hash, long size) {
        this.folder = folder;
        this.file = file;
        this.name = name;
        this.hash = hash;
        this.size = size;
    }

    /**
     * Takes {@code body} (at most {@code limit} bytes, counted as they arrive) into a new folder in
     * {@code tempRoot}, chunk by chunk as the client sends them; {@code receiver} hears the end.
     */
    static void receive(Content.Source body, String name, Path tempRoot, long limit, Receiver receiver) {
        Path folder;
        FileChannel out;
        try {
            folder = PrivateFiles.tempFolder(tempRoot, "req-");
        } catch (IOException e) {
            receiver.failed(e);
            return;
        }
        try {
            out = PrivateFiles.create(folder.resolve(name));
        } catch (IOException e) {
            deleteQuietly(folder);
            receiver.failed(e);
            return;
        }
        new Reception(body, folder, name, limit, out, receiver).run();
    }

    /** Reads what has arrived, then asks to be called again when more does. */
    private static final class Reception implements Runnable {
        private final Content.Source body;
        private final Path folder;
        private final String name;
        private final long limit;
        private final FileChannel out;
        private final Receiver receiver;
        private final MessageDigest sha = sha256();
        private long total;

        Reception(Content.Source body, Path folder, String name, long limit, FileChannel out, Receiver receiver) {
            this.body = body;
            this.folder = folder;
            this.name = name;
            this.limit = limit;
            this.out = out;
            this.receiver = receiver;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = body.read();
                if (chunk == null) {
                    body.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    stop(chunk.getFailure());
                    return;
                }
                boolean last = chunk.isLast();
                try {
                    take(chunk.getByteBuffer());
                } catch (IOException e) {
                    // Nothing more is read: the answer ends the exchange and the connection.
                    stop(e);
                    return;
                } finally {
                    chunk.release();
                }
                if (last) {
                    finish();
                    return;
                }
            }
        }

        private void take(ByteBuffer bytes) throws IOException {
            total += bytes.remaining();
            if (total > limit) {
                throw new TooLarge(limit);
            }
            sha.update(bytes.duplicate());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }

        private void finish() {
            try {
                out.close();
            } catch (IOException e) {
                stop(e);
                return;
            }
            receiver.received(new UploadedDocument(folder, folder.resolve(name), name,
                    HexFormat.of().formatHex(sha.digest()), total));
        }

        private void stop(Throwable why) {
            try {
                out.close();
            } catch (IOException e) {
                why.addSuppressed(e);
            }
            deleteQuietly(folder);
            receiver.failed(why);
        }
    }

    /** Refuses a body whose declared length is over {@code limit}, before reading any of it. */
    static void checkLength(long declared, long limit) throws TooLarge {
        if (declared > limit) {
            throw new TooLarge(limit);
        }
    }

    Path file() {
        return file;
    }

    String name() {
        return name;
    }

    /** The first 12 hex digits of the content's SHA-256: what logs may say about a document. */
    String shortHash() {
        return hash.substring(0, 12);
    }

    long size() {
        return size;
    }

    /** A private folder of this request for outputs (stamped copies). */
    Path outputFolder() throws IOException {
        return PrivateFiles.folder(folder.resolve("out"));
    }

    @Override
    public void close() throws IOException {
        PrivateFiles.deleteTree(folder);
    }

    private static void deleteQuietly(Path folder) {
        try {
            PrivateFiles.deleteTree(folder);
        } catch (IOException e) {
            // Left in the bridge's private temp folder, which goes when the bridge stops.
            return;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
