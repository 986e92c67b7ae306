package dev.marking.core.format.image;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.format.ocr.ScanLayout;
import dev.marking.core.format.ocr.ScanReader;
import dev.marking.core.format.ocr.ScannedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Page images kept as documents (a scanned page saved as TIFF, JPEG or PNG; a multi-page TIFF): read by
 * OCR into the same parts as a scanned PDF page, so the same rules run. Verify only: an image is refused
 * for stamping, since a mark drawn into pixels could not be read back or replaced.
 */
public final class ImageFormat implements DocumentFormat {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] TIFF_LITTLE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};
    private static final int TOP_LINES = 6;

    @Override
    public String id() {
        return "image";
    }

    @Override
    public List<String> extensions() {
        return List.of("tif", "tiff", "jpg", "jpeg", "png");
    }

    @Override
    public String mediaType() {
        return "image/tiff";
    }

    @Override
    public String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : mediaType();
    }

    /** The PNG, JPEG (SOI and a marker) and TIFF (either byte order) signatures. */
    @Override
    public Recognition recognise(ContentProbe content) {
        boolean image = content.startsWith(PNG) || content.startsWith(JPEG) || content.startsWith(TIFF_LITTLE)
                || content.startsWith(TIFF_BIG_ENDIAN);
        return image ? Recognition.CERTAIN : Recognition.NONE;
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        return read(file, OcrSettings.off());
    }

    @Override
    public ReadModel read(Path file, OcrSettings ocr) throws DocumentException {
        ImagePages pages = new ImagePages(file);
        int count;
        try {
            count = pages.count();
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "not a readable image: " + e.getMessage(), e);
        }
        if (count < 1) {
            throw new DocumentException(file, Kind.UNREADABLE, "the image file holds no image");
        }
        List<ScannedText> scans = new ScanReader(ocr).read(pages, IntStream.rangeClosed(1, count).boxed().toList());
        List<TextBlock> body = new ArrayList<>();
        List<RunningSlot> slots = new ArrayList<>();
        List<ScannedPage> scanned = new ArrayList<>();
        for (ScannedText page : scans) {
            body.addAll(ScanLayout.body(page));
            slots.add(ScanLayout.slot(page, null));
            scanned.add(page.status());
        }
        List<TextBlock> top = scans.isEmpty() ? List.of() : ScanLayout.top(scans.get(0), TOP_LINES);
        return new ReadModel(file, id(), Unit.PAGE, top, body, slots, Map.of(), List.of(), scanned);
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        throw new DocumentException(source, Kind.REFUSED, "a page image (" + source.getFileName()
                + ") cannot be stamped: marking only reads images; stamp the document it was made from, "
                + "or put the image in a PDF and stamp that");
    }
}
