package dev.marking.core.format.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs built in code: page geometry (size, crop box, rotation) and a few lines of Latin text. */
final class PdfFixtures {

    /**
     * One page.
     *
     * @param media    media box
     * @param crop     crop box, or null for none
     * @param rotate   {@code /Rotate}, written on the page (or on its parent when {@code inherited})
     * @param inherited rotation given by the parent /Pages node
     * @param lines    text lines drawn top-left in user space
     */
    record Page(PDRectangle media, PDRectangle crop, int rotate, boolean inherited, List<String> lines) {

        static Page a4(String... lines) {
            return new Page(PDRectangle.A4, null, 0, false, List.of(lines));
        }

        Page rotated(int degrees) {
            return new Page(media, crop, degrees, inherited, lines);
        }

        Page cropped(PDRectangle box) {
            return new Page(media, box, rotate, inherited, lines);
        }

        Page inheritingRotation() {
            return new Page(media, crop, rotate, true, lines);
        }
    }

    private final List<Page> pages = new ArrayList<>();

    static PdfFixtures pdf() {
        return new PdfFixtures();
    }

    PdfFixtures page(Page page) {
        pages.add(page);
        return this;
    }

    /** Writes the document; {@code customise} may add more (protection, attachments) before saving. */
    Path build(Path file, Customiser customise) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (Page spec : pages) {
                PDPage page = new PDPage(spec.media());
                if (spec.crop() != null) {
                    page.setCropBox(spec.crop());
                }
                doc.addPage(page);
                if (spec.inherited()) {
                    inherit(doc, page, spec.rotate());
                } else if (spec.rotate() != 0) {
                    page.setRotation(spec.rotate());
                }
                if (!spec.lines().isEmpty()) {
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        float y = spec.media().getUpperRightY() - 60;
                        for (String line : spec.lines()) {
                            cs.beginText();
                            cs.setFont(font, 12);
                            cs.newLineAtOffset(spec.media().getLowerLeftX() + 60, y);
                            cs.showText(line);
                            cs.endText();
                            y -= 18;
                        }
                    }
                }
            }
            customise.apply(doc);
            doc.save(file.toFile());
        }
        return file;
    }

    Path build(Path file) throws IOException {
        return build(file, d -> { });
    }

    /** Moves {@code page} under its own intermediate /Pages node that carries {@code /Rotate}. */
    private static void inherit(PDDocument doc, PDPage page, int rotate) {
        COSDictionary root = doc.getPages().getCOSObject();
        COSArray kids = root.getCOSArray(COSName.KIDS);
        kids.remove(page.getCOSObject());
        COSDictionary node = new COSDictionary();
        node.setItem(COSName.TYPE, COSName.PAGES);
        node.setItem(COSName.PARENT, root);
        COSArray nodeKids = new COSArray();
        nodeKids.add(page.getCOSObject());
        node.setItem(COSName.KIDS, nodeKids);
        node.setInt(COSName.COUNT, 1);
        node.setItem(COSName.ROTATE, COSInteger.get(rotate));
        page.getCOSObject().setItem(COSName.PARENT, node);
        kids.add(node);
    }

    /** A last step before saving. */
    @FunctionalInterface
    interface Customiser {
        void apply(PDDocument doc) throws IOException;
    }
}
