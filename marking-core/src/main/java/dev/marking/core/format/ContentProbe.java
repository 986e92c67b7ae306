package dev.marking.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file's content says it is, read once for every format to look at: its first bytes and, for
 * containers, the names inside (the entries of a ZIP package, the streams of an OLE2 compound file).
 * Listings are read only when a format asks; a damaged container lists nothing.
 */
public final class ContentProbe {

    /** Bytes read from the start of the file. */
    public static final int HEAD = 8192;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private final Path file;
    private final byte[] head;
    private Set<String> zipEntries;
    private Set<String> oleStreams;

    private ContentProbe(Path file, byte[] head) {
        this.file = file;
        this.head = head;
    }

    /** Reads the start of {@code file}; refuses anything but a regular file (a named pipe would block). */
    public static ContentProbe of(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new ContentProbe(file, in.readNBytes(HEAD));
        }
    }

    public Path file() {
        return file;
    }

    /** The first {@link #HEAD} bytes (fewer for a shorter file). */
    public byte[] head() {
        return head.clone();
    }

    /** How many bytes were read: {@link #HEAD}, or the whole file when shorter (0 for an empty file). */
    public int length() {
        return head.length;
    }

    /** True when the file starts with {@code magic}. */
    public boolean startsWith(byte[] magic) {
        return hasAt(0, magic);
    }

    /** True when {@code magic} is at {@code offset} in the head. */
    public boolean hasAt(int offset, byte[] magic) {
        return head.length >= offset + magic.length && Arrays.equals(head, offset, offset + magic.length, magic, 0,
                magic.length);
    }

    /** True when {@code ascii} occurs within the first {@code within} bytes (PDF allows junk before {@code %PDF-}). */
    public boolean contains(String ascii, int within) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        int end = Math.min(head.length, within) - needle.length;
        for (int i = 0; i <= end; i++) {
            if (Arrays.equals(head, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** True when a NUL byte occurs in the head: not a text file. */
    public boolean binary() {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** True for a ZIP package (OOXML, ODF, OFD). */
    public boolean zip() {
        return startsWith(ZIP);
    }

    /** True for an OLE2 compound file (DOC, XLS, PPT, WPS; also password-protected OOXML). */
    public boolean ole2() {
        return startsWith(OLE2);
    }

    /** The entry names of a ZIP package ({@code word/document.xml}, {@code mimetype}); empty when not one. */
    public synchronized Set<String> zipEntries() {
        if (zipEntries == null) {
            zipEntries = zip() ? listZip() : Set.of();
        }
        return zipEntries;
    }

    /** The start of a ZIP entry as UTF-8 (ODF's {@code mimetype}), up to {@code maxBytes}; empty when absent. */
    public Optional<String> zipText(String entry, int maxBytes) {
        if (!zipEntries().contains(entry)) {
            return Optional.empty();
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            ZipEntry e = z.getEntry(entry);
            try (InputStream in = z.getInputStream(e)) {
                return Optional.of(new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The names of the root streams and storages of an OLE2 file ({@code WordDocument}, {@code Workbook}). */
    public synchronized Set<String> oleStreams() {
        if (oleStreams == null) {
            oleStreams = ole2() ? listOle2() : Set.of();
        }
        return oleStreams;
    }

    private Set<String> listZip() {
        try (ZipFile z = new ZipFile(file.toFile())) {
            Set<String> names = new TreeSet<>();
            z.stream().forEach(e -> names.add(e.getName()));
            return Collections.unmodifiableSet(names);
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    private Set<String> listOle2() {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return Collections.unmodifiableSet(new TreeSet<>(fs.getRoot().getEntryNames()));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
