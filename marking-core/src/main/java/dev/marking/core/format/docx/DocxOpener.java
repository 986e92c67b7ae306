package dev.marking.core.format.docx;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Opens a DOCX read-only, turning every way a file can be wrong into a {@link DocumentException}.
 * The package is opened with {@link PackageAccess#READ} and closed with revert, so the file is never
 * written to; POI's ZipSecureFile limits (inflate ratio, entry size) guard against zip bombs.
 */
final class DocxOpener {

    private static final int MAX_REASON = 160;
    private static final Pattern SIGNATURE_PARTS = Pattern.compile("/_xmlsignatures/.*");

    private DocxOpener() {
    }

    /**
     * Opens {@code file}; the caller closes the document with {@link #discard(XWPFDocument)}. A
     * {@code writable} document is loaded into memory (for stamping a copy); otherwise it is read in place.
     */
    static XWPFDocument open(Path file, boolean writable) throws DocumentException {
        if (!writable) {
            return load(file, openPackage(file));
        }
        try (InputStream in = checked(file)) {
            return load(file, OPCPackage.open(in));
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Opens {@code file}'s package read-only, without parsing any part (see {@link DocxStreamReader}); the
     * caller closes it with {@link OPCPackage#revert()}.
     */
    static OPCPackage openPackage(Path file) throws DocumentException {
        try {
            checked(file).close();
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            if (pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).size() == 0) {
                pkg.revert();
                throw new DocumentException(file, Kind.UNREADABLE, "ZIP package without a Word document part");
            }
            return pkg;
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /** The file's content, checked to be a ZIP package with a readable central directory, from its start. */
    private static InputStream checked(Path file) throws IOException, DocumentException {
        InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file));
        try {
            FileMagic magic = FileMagic.valueOf(in);
            if (magic == FileMagic.OLE2) {
                throw ole2(file, in);
            }
            if (magic != FileMagic.OOXML) {
                throw new DocumentException(file, Kind.UNREADABLE, "not a DOCX file (no ZIP package)");
            }
            checkCentralDirectory(file);
            return in;
        } catch (IOException | DocumentException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** POI falls back to reading entries one by one when the directory is broken; a damaged file it is. */
    private static void checkCentralDirectory(Path file) throws IOException {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            if (!zip.getEntries().hasMoreElements()) {
                throw new IOException("empty ZIP archive");
            }
        }
    }

    private static XWPFDocument load(Path file, OPCPackage pkg) throws DocumentException {
        try {
            if (pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).size() == 0) {
                throw new DocumentException(file, Kind.UNREADABLE, "ZIP package without a Word document part");
            }
            return new XWPFDocument(pkg);
        } catch (DocumentException | RuntimeException | IOException e) {
            pkg.revert();
            if (e instanceof DocumentException de) {
                throw de;
            }
            throw unreadable(file, e);
        }
    }

    /** Closes a document without writing anything back. */
    static void discard(XWPFDocument doc) {
        doc.getPackage().revert();
    }

    /** True when the package carries an XML digital signature. */
    static boolean signed(XWPFDocument doc) {
        OPCPackage pkg = doc.getPackage();
        return pkg.getRelationshipsByType(PackageRelationshipTypes.DIGITAL_SIGNATURE_ORIGIN).size() > 0
                || !pkg.getPartsByName(SIGNATURE_PARTS).isEmpty();
    }

    private static DocumentException ole2(Path file, InputStream in) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                return new DocumentException(file, Kind.ENCRYPTED,
                        "the document is password-protected (encrypted OOXML); open it in Word and remove the password first");
            }
            return new DocumentException(file, Kind.UNREADABLE, "an OLE2 file (Word 97-2003 .doc?), not DOCX");
        }
    }

    static DocumentException unreadable(Path file, Exception e) {
        if (e instanceof DocumentException de) {
            return de;
        }
        return new DocumentException(file, Kind.UNREADABLE, "damaged or not a DOCX file: " + shortCause(e), e);
    }

    private static String shortCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? "" : t.getMessage().strip();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl).strip();
        }
        if (msg.length() > MAX_REASON) {
            msg = msg.substring(0, MAX_REASON) + "…";
        }
        String name = t.getClass().getSimpleName();
        return msg.isEmpty() ? name : name + ": " + msg;
    }
}
