package dev.marking.core.format.pdf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Opens PDFs read-only and turns every way that can fail into a {@link DocumentException} a user can read. */
final class PdfDocuments {

    private PdfDocuments() {
    }

    /**
     * Opens {@code file} without a password. PDFBox repairs what it can (wrong xref offsets, missing
     * catalog type); a file that still has no pages is unreadable.
     */
    static PDDocument open(Path file) throws DocumentException {
        if (!Files.isRegularFile(file)) {
            throw new DocumentException(file, Kind.UNREADABLE, "not a file: " + file);
        }
        PDDocument doc;
        RandomAccessReadBufferedFile source = null;
        try {
            source = new RandomAccessReadBufferedFile(file.toFile());
            doc = Loader.loadPDF(source);
        } catch (InvalidPasswordException e) {
            closeQuietly(source);
            throw new DocumentException(file, Kind.ENCRYPTED, "the PDF is encrypted and needs a password to open", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(source);
            throw new DocumentException(file, Kind.UNREADABLE, "not a readable PDF: " + reason(e), e);
        }
        try {
            String tooMany = PageTreeLimit.check(doc);
            if (tooMany != null) {
                throw new DocumentException(file, Kind.UNREADABLE, "the PDF breaks a limit: " + tooMany);
            }
            if (doc.getNumberOfPages() == 0) {
                throw new DocumentException(file, Kind.UNREADABLE, "the PDF has no pages (damaged page tree?)");
            }
            return doc;
        } catch (DocumentException | RuntimeException e) {
            close(doc);
            if (e instanceof DocumentException d) {
                throw d;
            }
            throw new DocumentException(file, Kind.UNREADABLE, "damaged page tree: " + reason(e), e);
        }
    }

    /** A one-line reason for an exception from PDFBox. */
    static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
    }

    /** Releases the file handle of a document that failed to load (the file would stay locked on Windows). */
    private static void closeQuietly(RandomAccessReadBufferedFile source) {
        if (source == null) {
            return;
        }
        try {
            source.close();
        } catch (IOException e) {
            // the load already failed; that failure is what the user needs to hear about
            return;
        }
    }

    static void close(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException e) {
            // nothing left to release that matters; the result was already produced or abandoned
            return;
        }
    }
}
