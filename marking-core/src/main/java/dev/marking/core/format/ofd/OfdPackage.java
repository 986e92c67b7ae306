package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.Interruption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An OFD package read whole into memory under {@link OfdLimits}: every entry name is checked for path
 * tricks, every entry is inflated with its size counted, so a ZIP bomb stops at the limit it breaks.
 * The file is opened read-only and closed before any part is parsed.
 */
final class OfdPackage {

    /** One stored file of the package. */
    record Entry(String name, byte[] bytes, long time) {
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private OfdPackage(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads {@code file}; anything that is not a sound, bounded ZIP package is a {@link DocumentException}. */
    static OfdPackage read(Path file, OfdLimits limits) throws DocumentException {
        if (!Files.isRegularFile(file)) {
            throw new DocumentException(file, Kind.UNREADABLE, "not a file: " + file);
        }
        try {
            return new OfdPackage(file, read(file, limits, StandardCharsets.UTF_8));
        } catch (BadNames e) {
            // names that are not UTF-8 come from tools writing the local code page
            try {
                return new OfdPackage(file, read(file, limits, Charset.forName("GB18030")));
            } catch (BadNames again) {
                throw new DocumentException(file, Kind.UNREADABLE, "not an OFD package: the ZIP entry names cannot be read");
            }
        }
    }

    private static Map<String, Entry> read(Path file, OfdLimits limits, Charset names) throws DocumentException, BadNames {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile(), names)) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            int count = 0;
            long total = 0;
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++count > limits.maxEntries()) {
                    throw limit(file, "the package has more than " + limits.maxEntries() + " entries (limit: entry count)");
                }
                String name = checkedName(file, e.getName());
                if (e.isDirectory()) {
                    continue;
                }
                if (out.containsKey(name)) {
                    throw new DocumentException(file, Kind.UNREADABLE, "not a sound OFD package: the entry " + name
                            + " appears twice");
                }
                byte[] data = inflate(file, zip, e, name, limits, limits.maxTotalBytes() - total);
                total += data.length;
                out.put(name, new Entry(name, data, e.getTime()));
            }
        } catch (ZipException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("bad entry name")) {
                throw new BadNames();
            }
            if (m.contains("encrypted")) {
                throw new DocumentException(file, Kind.ENCRYPTED, "the OFD package is encrypted", e);
            }
            throw new DocumentException(file, Kind.UNREADABLE, "not an OFD package (not a readable ZIP file): " + m, e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "not an OFD package (not a readable ZIP file): " + e, e);
        }
        if (out.isEmpty()) {
            throw new DocumentException(file, Kind.UNREADABLE, "not an OFD package: the ZIP archive is empty");
        }
        return out;
    }

    private static byte[] inflate(Path file, ZipFile zip, ZipEntry e, String name, OfdLimits limits, long budget)
            throws IOException, DocumentException {
        long cap = Math.min(limits.maxEntryBytes(), budget);
        List<byte[]> chunks = new ArrayList<>();
        long size = 0;
        try (InputStream in = zip.getInputStream(e)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                Interruption.check();
                size += n;
                if (size > cap) {
                    throw limit(file, cap == limits.maxEntryBytes()
                            ? name + " inflates to more than " + mib(limits.maxEntryBytes()) + " (limit: size of one entry)"
                            : "the package inflates to more than " + mib(limits.maxTotalBytes()) + " (limit: total size)");
                }
                long packed = e.getCompressedSize();
                if (size > OfdLimits.RATIO_FLOOR && packed > 0 && size / packed > limits.maxRatio()) {
                    throw limit(file, name + " inflates more than " + limits.maxRatio()
                            + " times its compressed size (limit: compression ratio; a ZIP bomb?)");
                }
                byte[] chunk = new byte[n];
                System.arraycopy(buf, 0, chunk, 0, n);
                chunks.add(chunk);
            }
        }
        byte[] out = new byte[(int) size];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }

    /** The entry name as a package path; names that climb out of the package or are absolute are refused. */
    private static String checkedName(Path file, String raw) throws DocumentException {
        String name = raw.replace('\\', '/');
        boolean bad = name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0
                || name.length() > 1 && name.charAt(1) == ':';
        for (String segment : name.split("/", -1)) {
            bad |= segment.equals("..") || segment.equals(".");
        }
        if (bad) {
            throw new DocumentException(file, Kind.UNREADABLE, "not a sound OFD package: the entry name \"" + raw
                    + "\" points outside the package (limit: entry paths)");
        }
        return name.endsWith("/") ? name : name.replaceAll("/{2,}", "/");
    }

    private static DocumentException limit(Path file, String what) {
        return new DocumentException(file, Kind.UNREADABLE, "the OFD package exceeds a safety limit: " + what);
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    Path file() {
        return file;
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    Optional<byte[]> find(String name) {
        Entry e = entries.get(name);
        return e == null ? Optional.empty() : Optional.of(e.bytes());
    }

    /** The bytes of a part the package's XML names; a missing part is a broken package. */
    byte[] bytes(String name) throws DocumentException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new DocumentException(file, Kind.UNREADABLE, "not a sound OFD package: " + name
                    + " is named but missing");
        }
        return e.bytes();
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    /**
     * The package path a location names: {@code /a/b} from the package root, anything else relative to the
     * folder of {@code from} (the part that names it). {@code ..} may not climb above the root.
     */
    String resolve(String from, String location) throws DocumentException {
        String loc = location.strip().replace('\\', '/');
        List<String> parts = new ArrayList<>();
        if (!loc.startsWith("/")) {
            int slash = from.lastIndexOf('/');
            if (slash > 0) {
                parts.addAll(List.of(from.substring(0, slash).split("/")));
            }
        }
        for (String s : loc.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    throw new DocumentException(file, Kind.UNREADABLE, "not a sound OFD package: " + from + " names \""
                            + location + "\", outside the package (limit: package paths)");
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    /** Entry names were not valid in the charset tried. */
    private static final class BadNames extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
