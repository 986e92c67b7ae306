package dev.marking.core.format.pdf;

import dev.marking.core.format.ocr.PageImages;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders a PDF's pages in grey for OCR with PDFBox, as the reader sees them (crop box, {@code /Rotate}). */
final class PdfPageImages implements PageImages {

    private final PDDocument doc;
    private final PDFRenderer renderer;

    PdfPageImages(PDDocument doc) {
        this.doc = doc;
        this.renderer = new PDFRenderer(doc);
    }

    @Override
    public PageImage render(int page, int dpi) throws IOException {
        PDPage p = doc.getPage(page - 1);
        PDRectangle box = p.getCropBox();
        int used = PageImages.capped(box.getWidth(), box.getHeight(), dpi);
        return new PageImage(renderer.renderImageWithDPI(page - 1, used, ImageType.GRAY), used);
    }
}
