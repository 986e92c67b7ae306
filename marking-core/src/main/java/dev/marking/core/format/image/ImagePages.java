package dev.marking.core.format.image;

import dev.marking.core.format.ocr.PageImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * The pages of an image file (one, or several in a TIFF) through the JDK's ImageIO readers, at the
 * resolution the file states (else {@value #UNSTATED_DPI} dpi), decoded with subsampling when a page
 * would exceed {@link PageImages#MAX_PIXELS}.
 */
final class ImagePages implements PageImages {

    /** Assumed when a file states no resolution: what scanners default to. */
    static final int UNSTATED_DPI = 300;
    private static final double MM_PER_INCH = 25.4;

    private final Path file;

    ImagePages(Path file) {
        this.file = file;
    }

    /** How many pages (images) the file holds; fails when no reader understands it. */
    int count() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            try {
                int count = reader.getNumImages(true);
                reader.getWidth(0); // reads the first image's header: a damaged file fails here, not at OCR
                return count;
            } finally {
                reader.dispose();
            }
        }
    }

    @Override
    public PageImage render(int page, int dpi) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            try {
                int index = page - 1;
                long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = 1;
                while (pixels / ((long) step * step) > MAX_PIXELS) {
                    step++;
                }
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(index, param);
                int stated = resolution(reader.getImageMetadata(index));
                return new PageImage(image, Math.max(1, (stated > 0 ? stated : UNSTATED_DPI) / step));
            } finally {
                reader.dispose();
            }
        }
    }

    private ImageReader reader(ImageInputStream in) throws IOException {
        if (in == null) {
            throw new IOException("cannot open " + file);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("no image reader understands this file");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, true);
        return reader;
    }

    /** Dots per inch from the standard metadata tree ({@code HorizontalPixelSize} in mm); 0 when not stated. */
    private static int resolution(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return 0;
        }
        try {
            double mm = Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
            return mm > 0 ? (int) Math.round(MM_PER_INCH / mm) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
