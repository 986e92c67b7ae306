package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.Interruption;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An ODF package opened for reading with {@code java.util.zip}: its {@code mimetype}, its parts read under a
 * size limit (a small file that inflates to gigabytes is refused, not read), and what the manifest says
 * about encryption.
 */
final class OdfPackage implements Closeable {

    /** Parts a package may hold; real documents have hundreds (pictures, embedded charts). */
    static final int MAX_ENTRIES = 50_000;
    /**
     * Uncompressed bytes one part may have; Text6's content.xml (1,000 pages) is 5 MB. The same limit as an OOXML
     * part's: what one part's text or object model takes must fit in a 1 GB heap beside the rest of a scan.
     */
    static final long MAX_PART_BYTES = 90L << 20;
    private static final int MIMETYPE_BYTES = 200;

    private final Path file;
    private final ZipFile zip;

    private OdfPackage(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /** Opens {@code file}; a damaged or oversized package is {@code UNREADABLE}, an encrypted one {@code ENCRYPTED}. */
    static OdfPackage open(Path file) throws DocumentException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "not an OpenDocument package (not a ZIP file)", e);
        } catch (IOException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "cannot open the package: " + e.getMessage(), e);
        }
        OdfPackage p = new OdfPackage(file, zip);
        try {
            if (zip.size() > MAX_ENTRIES) {
                throw p.unreadable("the package has " + zip.size() + " parts (more than " + MAX_ENTRIES + ")", null);
            }
            if (p.encrypted()) {
                throw new DocumentException(file, Kind.ENCRYPTED, "the document is protected with a password"
                        + " (the package manifest lists encrypted parts)");
            }
            return p;
        } catch (DocumentException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    ZipFile zip() {
        return zip;
    }

    boolean has(String part) {
        return zip.getEntry(part) != null;
    }

    /** The package's media type from its {@code mimetype} part, or "" when it has none. */
    String mimetype() {
        ZipEntry e = zip.getEntry("mimetype");
        if (e == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readNBytes(MIMETYPE_BYTES), StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException ex) {
            return "";
        }
    }

    /** The part named {@code part}, inflated at most to {@link #MAX_PART_BYTES}. */
    InputStream open(String part) throws DocumentException {
        ZipEntry e = zip.getEntry(part);
        if (e == null) {
            throw unreadable("the package has no " + part, null);
        }
        try {
            return new Limited(zip.getInputStream(e), part);
        } catch (IOException | RuntimeException ex) {
            throw unreadable("cannot read " + part + ": " + ex.getMessage(), ex);
        }
    }

    /** Entries in package order. */
    List<? extends ZipEntry> entries() {
        return zip.stream().toList();
    }

    /** Media types of the package's parts from the manifest ({@code Object 1/} → the chart type), by full path. */
    Map<String, String> mediaTypes() throws DocumentException {
        Map<String, String> types = new HashMap<>();
        if (!has("META-INF/manifest.xml")) {
            return types;
        }
        try (InputStream in = open("META-INF/manifest.xml")) {
            XMLStreamReader r = OdfXml.input().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && OdfXml.MANIFEST.equals(r.getNamespaceURI())
                            && "file-entry".equals(r.getLocalName())) {
                        String path = r.getAttributeValue(OdfXml.MANIFEST, "full-path");
                        String type = r.getAttributeValue(OdfXml.MANIFEST, "media-type");
                        if (path != null && type != null) {
                            types.put(path, type);
                        }
                    }
                }
                return types;
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw unreadable("the package manifest is damaged: " + e.getMessage(), e);
        }
    }

    /** True when {@code META-INF/manifest.xml} gives any part {@code manifest:encryption-data}. */
    private boolean encrypted() throws DocumentException {
        if (!has("META-INF/manifest.xml")) {
            return false;
        }
        try (InputStream in = open("META-INF/manifest.xml")) {
            XMLStreamReader r = OdfXml.input().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && OdfXml.MANIFEST.equals(r.getNamespaceURI())
                            && "encryption-data".equals(r.getLocalName())) {
                        return true;
                    }
                }
                return false;
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw unreadable("the package manifest is damaged: " + e.getMessage(), e);
        }
    }

    /** True when the package carries a digital signature (stamping would break it). */
    boolean signed() {
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
            String n = en.nextElement().getName();
            if (n.startsWith("META-INF/") && n.contains("signatures")) {
                return true;
            }
        }
        return false;
    }

    DocumentException unreadable(String reason, Throwable cause) {
        return new DocumentException(file, Kind.UNREADABLE, reason, cause);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }

    /** Fails the read once a part inflates past the limit, and stops it at the time limit ({@link Interruption}). */
    private static final class Limited extends FilterInputStream {

        private final String part;
        private long count;

        Limited(InputStream in, String part) {
            super(in);
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            Interruption.check();
            count += n;
            if (count > MAX_PART_BYTES) {
                throw new IOException(part + " inflates to more than " + String.format("%,d", MAX_PART_BYTES) + " bytes");
            }
        }
    }
}
