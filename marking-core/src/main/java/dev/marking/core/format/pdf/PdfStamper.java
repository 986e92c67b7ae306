package dev.marking.core.format.pdf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.StampOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Stamps a copy of a PDF. Our previous stamp (content and metadata) is removed first, so restamping
 * replaces it. A signed PDF is saved as an incremental update, which leaves the signed revision's
 * bytes, and so its signatures, intact. An owner-password-only PDF keeps its permissions
 * ({@link PdfProtection}). A PDF certified with "no changes allowed" is refused. On any failure nothing
 * is left at the target.
 */
final class PdfStamper {

    private final List<Path> systemFonts;

    PdfStamper(List<Path> systemFonts) {
        this.systemFonts = List.copyOf(systemFonts);
    }

    void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        PDDocument doc = null;
        boolean done = false;
        try {
            doc = PdfDocuments.open(source);
            if (PdfSignatures.certifiedNoChanges(doc)) {
                throw new DocumentException(source, Kind.REFUSED, "the PDF is certified with \"no changes allowed\"; "
                        + "stamping it would break the certification");
            }
            StampFonts fonts = fonts(source, doc, options);
            try (fonts) {
                apply(doc, fonts, options);
                fonts.embedSubsets();
                save(doc, target);
            }
            done = true;
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(source, Kind.UNREADABLE, "cannot stamp the PDF: " + PdfDocuments.reason(e), e);
        } finally {
            if (doc != null) {
                PdfDocuments.close(doc);
            }
            if (!done) {
                deleteQuietly(target);
            }
        }
    }

    private void apply(PDDocument doc, StampFonts fonts, StampOptions options) throws IOException {
        for (PDPage page : doc.getPages()) {
            PageContents.remove(page);
        }
        boolean first = true;
        PDExtendedGraphicsState translucent = StampPainter.translucent();
        for (PDPage page : doc.getPages()) {
            StampPainter.paint(doc, page, first, fonts, options, translucent);
            first = false;
        }
        PdfMetadata.write(doc, options.metadata());
    }

    private static void save(PDDocument doc, Path target) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            if (PdfSignatures.signed(doc)) {
                doc.saveIncremental(out);
            } else {
                PdfProtection.keep(doc);
                doc.save(out);
            }
        }
    }

    private StampFonts fonts(Path source, PDDocument doc, StampOptions options) throws DocumentException {
        try {
            return StampFonts.open(doc, options.font(), systemFonts);
        } catch (IOException | RuntimeException e) {
            String which = options.font().map(Path::toString).orElse("the bundled font");
            throw new DocumentException(source, Kind.REFUSED,
                    "cannot embed " + which + " (a TrueType .ttf/.ttc font is needed): " + PdfDocuments.reason(e), e);
        }
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            // the caller's temporary file; it will not be renamed into place
            return;
        }
    }
}
