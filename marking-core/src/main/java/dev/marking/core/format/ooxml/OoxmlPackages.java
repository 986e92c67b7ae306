package dev.marking.core.format.ooxml;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.PoiLimits;
import dev.marking.core.format.Recognition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens Office Open XML packages (DOCX, XLSX, PPTX) read-only, turning every way a file can be wrong
 * into a {@link DocumentException}: not a ZIP, a password-protected file (an OLE2 container holding
 * {@code EncryptionInfo}), a damaged archive, a package of another kind. Strict packages are read as
 * transitional (see {@link StrictOoxml}); stamping them writes transitional OOXML. A package opened for
 * reading is read in place with {@link PackageAccess#READ} and closed with revert, so the file is never
 * written to; POI's ZipSecureFile limits (inflate ratio, entry size) guard against zip bombs. Inside POI's
 * ratio guard (1:100) a part may still inflate to gigabytes (an 11 MB DOCX to 700 MB of XML at 1:64), more than
 * one document's text or object model can take in a 1 GB heap: no part may inflate past {@link PoiLimits#MAX_PART_BYTES}.
 */
public final class OoxmlPackages {

    private static final int MAX_REASON = 160;
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    /** Content types are a short list; a megabyte reads any real one whole. */
    private static final int MAX_CONTENT_TYPES = 1 << 20;
    private static final Pattern SIGNATURE_PARTS = Pattern.compile("/_xmlsignatures/.*");

    private OoxmlPackages() {
    }

    /**
     * Opens {@code file} as a package of {@code kind}; the caller closes it with {@link #discard(OPCPackage)}.
     * A {@code writable} package (for stamping a copy) and a Strict one are loaded into memory; otherwise
     * the file is read in place.
     */
    public static OPCPackage open(Path file, boolean writable, OoxmlKind kind) throws DocumentException {
        PoiLimits.set();
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            FileMagic magic = FileMagic.valueOf(in);
            if (magic == FileMagic.OLE2) {
                throw ole2(file, in, kind);
            }
            if (magic != FileMagic.OOXML) {
                throw new DocumentException(file, Kind.UNREADABLE, "not a " + kind.name() + " file (no ZIP package)");
            }
            OPCPackage pkg;
            try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
                if (!zip.getEntries().hasMoreElements()) {
                    // POI falls back to reading entries one by one when the directory is broken; a damaged file it is
                    throw new IOException("empty ZIP archive");
                }
                refuseOtherCompression(file, zip);
                if (StrictOoxml.isStrict(zip)) {
                    pkg = OPCPackage.open(new ByteArrayInputStream(StrictOoxml.toTransitional(zip)));
                } else {
                    pkg = writable ? OPCPackage.open(in) : OPCPackage.open(file.toFile(), PackageAccess.READ);
                }
            }
            return checked(file, pkg, kind);
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw unreadable(file, kind, e);
        }
    }

    /**
     * Refuses a package with a part compressed other than stored or deflated, the only methods Open Packaging
     * Conventions allow: commons-compress would hand such a part (Zstandard, bzip2, …) to a codec that is not
     * shipped and fail with an error instead of an exception (found by fuzzing).
     */
    private static void refuseOtherCompression(Path file, ZipSecureFile zip) throws DocumentException {
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
                throw new DocumentException(file, Kind.UNREADABLE, "the part " + e.getName() + " is compressed with ZIP "
                        + "method " + e.getMethod() + "; Office Open XML packages use only stored or deflated parts");
            }
        }
    }

    /** The package when its main part is of {@code kind}; otherwise it is closed and the file refused. */
    private static OPCPackage checked(Path file, OPCPackage pkg, OoxmlKind kind) throws DocumentException {
        try {
            PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
            PackageRelationship rel = main.size() == 0 ? null : main.getRelationship(0);
            PackagePart part = rel == null ? null : pkg.getPart(rel);
            if (part == null || !kind.contentTypes().contains(part.getContentType())) {
                throw new DocumentException(file, Kind.UNREADABLE, "ZIP package without " + kind.mainPart());
            }
            return pkg;
        } catch (DocumentException | RuntimeException e) {
            pkg.revert();
            throw unreadable(file, kind, e);
        }
    }

    /**
     * How sure {@code kind} is that {@code content} is its own: a ZIP package with {@code [Content_Types].xml}
     * and its usual main part, or a content type of its main part; an OLE2 container holding an encrypted
     * package may be any Office Open XML kind, so it is only plausible.
     */
    public static Recognition recognise(ContentProbe content, OoxmlKind kind, String usualMainPart) {
        if (content.zip()) {
            Set<String> entries = content.zipEntries();
            if (!entries.contains(CONTENT_TYPES)) {
                return Recognition.NONE;
            }
            if (entries.contains(usualMainPart)) {
                return Recognition.CERTAIN;
            }
            boolean declared = content.zipText(CONTENT_TYPES, MAX_CONTENT_TYPES)
                    .filter(types -> kind.contentTypes().stream().anyMatch(types::contains)).isPresent();
            return declared ? Recognition.CERTAIN : Recognition.NONE;
        }
        return content.oleStreams().contains("EncryptedPackage") ? Recognition.PLAUSIBLE : Recognition.NONE;
    }

    /** Closes a package without writing anything back. */
    public static void discard(OPCPackage pkg) {
        pkg.revert();
    }

    /** True when the package carries an XML digital signature. */
    public static boolean signed(OPCPackage pkg) {
        return pkg.getRelationshipsByType(PackageRelationshipTypes.DIGITAL_SIGNATURE_ORIGIN).size() > 0
                || !pkg.getPartsByName(SIGNATURE_PARTS).isEmpty();
    }

    /** The refusal for a signed package: stamping would break the signature. */
    public static DocumentException signedRefusal(Path file) {
        return new DocumentException(file, Kind.REFUSED, "the document is digitally signed and stamping would"
                + " break the signature; remove the signature, stamp, then sign again");
    }

    private static DocumentException ole2(Path file, InputStream in, OoxmlKind kind) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                return new DocumentException(file, Kind.ENCRYPTED, "the document is password-protected (encrypted OOXML);"
                        + " open it in " + kind.application() + " and remove the password first");
            }
            return new DocumentException(file, Kind.UNREADABLE, "an OLE2 file (" + kind.legacy() + "?), not "
                    + kind.name());
        }
    }

    /** A {@link DocumentException} for {@code e}: itself when it is one, else "damaged" with a one-line cause. */
    public static DocumentException unreadable(Path file, OoxmlKind kind, Exception e) {
        if (e instanceof DocumentException de) {
            return de;
        }
        return new DocumentException(file, Kind.UNREADABLE, "damaged or not a " + kind.name() + " file: "
                + shortCause(e), e);
    }

    private static String shortCause(Throwable e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (String.valueOf(c.getMessage()).startsWith("Zip bomb detected!")) {
                return String.format("a part inflates to more than %,d bytes", PoiLimits.MAX_PART_BYTES);
            }
        }
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
