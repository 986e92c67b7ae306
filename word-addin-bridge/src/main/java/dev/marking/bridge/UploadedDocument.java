package dev.marking.bridge;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request's document, written to a private per-request folder under its own name (adapters choose
 * by extension) and deleted with the folder when the request ends.
 */
final class UploadedDocument implements AutoCloseable {

    /** The body is larger than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the document is larger than the limit of " + limit + " bytes");
        }
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

    /** Reads the body of {@code exchange} (at most {@code limit} bytes, counted as read) into {@code tempRoot}. */
    static UploadedDocument read(HttpExchange exchange, String name, Path tempRoot, long limit) throws IOException {
        Path folder = PrivateFiles.tempFolder(tempRoot, "req-");
        Path file = folder.resolve(name);
        MessageDigest sha = sha256();
        long total = 0;
        try (InputStream in = new DigestInputStream(exchange.getRequestBody(), sha);
             OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                total += n;
                if (total > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            PrivateFiles.deleteTree(folder);
            throw e;
        }
        return new UploadedDocument(folder, file, name, HexFormat.of().formatHex(sha.digest()), total);
    }

    /** Refuses a body whose declared length is over {@code limit}, before reading any of it. */
    static void checkLength(HttpExchange exchange, long limit) throws TooLarge {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad Content-Length", e);
            }
            if (declared > limit) {
                throw new TooLarge(limit);
            }
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
