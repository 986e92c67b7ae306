package dev.marking.core.testing;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.pdf.PdfFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Scans made in a test: a Chinese document written with PDFBox, stamped by our own PDF stamper, printed
 * to pixels with PDFBox at a chosen resolution, soiled like a scanner would (speckle, grain, a slight
 * skew, a quarter turn when fed sideways) and kept as an image-only PDF, a PNG or a (multi-page) TIFF.
 */
public final class Scans {

    /** The font the documents are written in: the CJK font the PDF stamper ships. */
    private static final String FONT = "/dev/marking/core/format/pdf/NotoSansSC-Regular.ttf";
    private static final float MM = 72 / 25.4f;

    /**
     * How a page is soiled.
     *
     * @param speckle share of pixels turned to random black or white dots (dust, toner)
     * @param grain   standard deviation of grey noise added to every pixel (0–255 scale)
     * @param skew    degrees the sheet lies crooked on the glass
     */
    public record Noise(double speckle, double grain, double skew) {

        public static final Noise NONE = new Noise(0, 0, 0);
    }

    private Scans() {
    }

    /**
     * An A4 PDF whose pages carry {@code pages} (one list of lines each) in 16 pt, starting below the
     * top margin of GB/T 9704 (37 mm), so our stamp's block finds its place free.
     */
    public static Path document(Path file, List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument(); InputStream font = Scans.class.getResourceAsStream(FONT)) {
            PDType0Font cjk = PDType0Font.load(doc, font, true);
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = PDRectangle.A4.getHeight() - 45 * MM;
                    for (String line : lines) {
                        cs.beginText();
                        cs.setFont(cjk, 16);
                        cs.newLineAtOffset(28 * MM, y);
                        cs.showText(line);
                        cs.endText();
                        y -= 28;
                    }
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** {@code source} stamped by our PDF stamper into {@code target}. */
    public static Path stamped(Path source, Path target, StampOptions options) throws DocumentException {
        new PdfFormat().stamp(source, target, options);
        return target;
    }

    /** Page {@code page} (1-based) of {@code pdf} printed at {@code dpi} and scanned with {@code noise}, in grey. */
    public static BufferedImage scan(Path pdf, int page, int dpi, Noise noise, long seed) throws IOException {
        BufferedImage clean;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            clean = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.GRAY);
        }
        return soiled(clean, noise, new Random(seed));
    }

    /** Every page of {@code pdf}, scanned alike. */
    public static List<BufferedImage> scanAll(Path pdf, int dpi, Noise noise, long seed) throws IOException {
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
        }
        List<BufferedImage> out = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            out.add(scan(pdf, p, dpi, noise, seed + p));
        }
        return out;
    }

    /** A white sheet of A4 at {@code dpi}, scanned with {@code noise}: a blank page. */
    public static BufferedImage blank(int dpi, Noise noise, long seed) {
        int w = Math.round(PDRectangle.A4.getWidth() / 72 * dpi);
        int h = Math.round(PDRectangle.A4.getHeight() / 72 * dpi);
        BufferedImage white = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return soiled(white, noise, new Random(seed));
    }

    /** {@code image} turned clockwise by a multiple of 90 degrees (a sheet fed sideways or upside down). */
    public static BufferedImage turned(BufferedImage image, int degrees) {
        int q = Math.floorMod(degrees, 360) / 90;
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(q % 2 == 1 ? h : w, q % 2 == 1 ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform t = switch (q) {
            case 1 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 2 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 3 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    /** An image-only PDF of {@code pages} (no fonts, no text), each page sized for {@code dpi}. */
    public static Path imagePdf(Path file, List<BufferedImage> pages, int dpi) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image : pages) {
                float w = image.getWidth() * 72f / dpi;
                float h = image.getHeight() * 72f / dpi;
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(doc, image);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, w, h);
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** A PNG of {@code image}. */
    public static Path png(Path file, BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** A TIFF holding {@code pages}, one image each, stating {@code dpi}. */
    public static Path tiff(Path file, List<BufferedImage> pages, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
                writer.writeToSequence(new IIOImage(page, null, resolution(writer, page, param, dpi)), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static IIOMetadata resolution(ImageWriter writer, BufferedImage page, ImageWriteParam param, int dpi)
            throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        for (String name : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
            IIOMetadataNode size = new IIOMetadataNode(name);
            size.setAttribute("value", Double.toString(25.4 / dpi));
            dimension.appendChild(size);
        }
        root.appendChild(dimension);
        meta.mergeTree("javax_imageio_1.0", root);
        return meta;
    }

    private static BufferedImage soiled(BufferedImage clean, Noise noise, Random random) {
        BufferedImage out = clean;
        if (noise.skew() != 0) {
            out = new BufferedImage(clean.getWidth(), clean.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(noise.skew()), clean.getWidth() / 2.0, clean.getHeight() / 2.0);
            g.drawImage(clean, 0, 0, null);
            g.dispose();
        } else {
            out = new BufferedImage(clean.getColorModel(), clean.copyData(null), false, null);
        }
        WritableRaster r = out.getRaster();
        int[] row = new int[out.getWidth()];
        for (int y = 0; y < out.getHeight(); y++) {
            r.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                double v = row[x] + random.nextGaussian() * noise.grain();
                if (random.nextDouble() < noise.speckle()) {
                    v = random.nextBoolean() ? 0 : 255;
                }
                row[x] = (int) Math.max(0, Math.min(255, Math.round(v)));
            }
            r.setSamples(0, y, row.length, 1, 0, row);
        }
        return out;
    }
}
