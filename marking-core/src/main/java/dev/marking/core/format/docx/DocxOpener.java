package dev.marking.core.format.docx;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ooxml.OoxmlKind;
import dev.marking.core.format.ooxml.OoxmlPackages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Opens a DOCX (transitional or Strict) through {@link OoxmlPackages}, turning every way a file can be
 * wrong into a {@link DocumentException}; the file is never written to.
 */
final class DocxOpener {

    static final OoxmlKind KIND = new OoxmlKind("DOCX", "Word", "Word 97-2003 .doc", "a Word document part", Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"));

    private DocxOpener() {
    }

    /**
     * Opens {@code file}; the caller closes the document with {@link #discard(XWPFDocument)}. A
     * {@code writable} document is loaded into memory (for stamping a copy); otherwise it is read in place.
     */
    static XWPFDocument open(Path file, boolean writable) throws DocumentException {
        OPCPackage pkg = OoxmlPackages.open(file, writable, KIND);
        try {
            return new XWPFDocument(pkg);
        } catch (IOException | RuntimeException e) {
            OoxmlPackages.discard(pkg);
            throw unreadable(file, e);
        }
    }

    /**
     * Opens {@code file}'s package read-only, without parsing any part (see {@link DocxStreamReader}); the
     * caller closes it with {@link OoxmlPackages#discard(OPCPackage)}.
     */
    static OPCPackage openPackage(Path file) throws DocumentException {
        return OoxmlPackages.open(file, false, KIND);
    }

    /** Closes a document without writing anything back. */
    static void discard(XWPFDocument doc) {
        OoxmlPackages.discard(doc.getPackage());
    }

    /** True when the package carries an XML digital signature. */
    static boolean signed(XWPFDocument doc) {
        return OoxmlPackages.signed(doc.getPackage());
    }

    static DocumentException unreadable(Path file, Exception e) {
        return OoxmlPackages.unreadable(file, KIND, e);
    }
}
