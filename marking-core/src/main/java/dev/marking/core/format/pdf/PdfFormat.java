package dev.marking.core.format.pdf;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.util.List;
import dev.marking.core.model.Message;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;

/** PDF adapter (PDFBox 3): reads pages, our stamp and metadata; stamps header, footer, watermark and block. */
public final class PdfFormat implements DocumentFormat {

    private final List<Path> systemFonts;

    /** Looks for system CJK fonts in the usual places before falling back to the bundled font. */
    public PdfFormat() {
        this(StampFonts.SYSTEM_FONTS);
    }

    /** Tries {@code systemFonts} in order (an empty list means: always the bundled font unless one is given). */
    public PdfFormat(List<Path> systemFonts) {
        this.systemFonts = List.copyOf(systemFonts);
    }

    @Override
    public String id() {
        return "pdf";
    }

    @Override
    public List<String> extensions() {
        return List.of("pdf");
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    /** {@code %PDF-} in the first kilobyte (readers accept leading junk there). */
    @Override
    public Recognition recognise(ContentProbe content) {
        return content.contains("%PDF-", 1024) ? Recognition.CERTAIN : Recognition.NONE;
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        return read(file, OcrSettings.off());
    }

    /** Pages without text of their own (scans) are read by OCR as {@code ocr} says. */
    @Override
    public ReadModel read(Path file, OcrSettings ocr) throws DocumentException {
        return new PdfModelReader(ocr).read(file);
    }

    /** The Info dictionary and our XMP keys; no page is parsed. */
    @Override
    public Map<String, String> metadata(Path file) throws DocumentException {
        PDDocument doc = PdfDocuments.open(file);
        try {
            return PdfMetadata.read(doc);
        } catch (RuntimeException e) {
            throw new DocumentException(file, DocumentException.Kind.UNREADABLE,
                    "cannot read the PDF's metadata: " + PdfDocuments.reason(e), e);
        } finally {
            PdfDocuments.close(doc);
        }
    }

    @Override
    public PreparedSource prepare(Path source) {
        return prepare(source, List.of());
    }

    /** Copies share one stamped base; each adds an incremental update with its number (see {@link CopyTemplate}). */
    @Override
    public PreparedSource prepare(Path source, List<String> recipientLabels) {
        return new PreparedPdf(source, systemFonts, recipientLabels);
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        stamp(source, target, options, note -> { });
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options, Consumer<Message> notes) throws DocumentException {
        new PdfStamper(systemFonts).stamp(source, target, options, notes);
    }
}
