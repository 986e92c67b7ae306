package dev.marking.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash of the code that produces findings, part of the key under which an earlier run's result is kept: the
 * tool version alone does not change when a SNAPSHOT is rebuilt with other rules. It hashes every entry (name and
 * bytes) of the jar or class folder the engine was loaded from — in {@code marking-spark.jar} that is the engine,
 * its rules, format adapters, messages and the libraries they read documents with — except the manifest, which
 * holds nothing that changes a result. Rule ids and versions would be cheaper but miss a rule whose code changed
 * without a new version, and findings also change with an adapter, a message or a library; a hash of the bytes
 * misses none of these. Its only cost is a needless re-read after a rebuild that changed nothing a result depends
 * on (the job's own classes, say).
 */
final class CodeFingerprint {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private CodeFingerprint() {
    }

    /** The fingerprint of the jar or class folder {@code anchor} was loaded from. */
    static String of(Class<?> anchor) throws IOException {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            throw new IOException("cannot tell where " + anchor.getName() + " was loaded from");
        }
        try {
            return of(Path.of(location.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /** The fingerprint of a jar file or a class folder: a SHA-256 of its entries' names and bytes, by name. */
    static String of(Path code) throws IOException {
        MessageDigest digest = sha256();
        if (Files.isDirectory(code)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(code)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = code.relativize(f).toString().replace('\\', '/');
                if (!name.equals(MANIFEST)) {
                    entry(digest, name, Files.readAllBytes(f));
                }
            }
        } else {
            try (JarFile jar = new JarFile(code.toFile(), false)) {
                List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
                entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                for (JarEntry e : entries) {
                    if (!e.isDirectory() && !e.getName().equals(MANIFEST)) {
                        try (InputStream in = jar.getInputStream(e)) {
                            entry(digest, e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void entry(MessageDigest digest, String name, byte[] content) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        digest.update(length(n.length));
        digest.update(n);
        digest.update(length(content.length));
        digest.update(content);
    }

    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
