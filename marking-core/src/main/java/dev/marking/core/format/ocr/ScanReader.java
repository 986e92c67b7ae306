package dev.marking.core.format.ocr;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.format.ScannedPage.Outcome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads pages without text of their own by OCR: the whole first page (where the GB/T 9704 block and
 * the body start) and the top and bottom bands of every other page (where running marks and copy
 * numbers are). Each page is rendered at {@value #DPI} dpi, despeckled, turned upright by Tesseract's
 * orientation detection (read both ways up when it is unsure), cut into what is read and written to a
 * temporary folder; all of a document's pieces are then recognised in one Tesseract run per
 * {@value #BATCH} pieces, so the language data loads once. One page in memory at a time. Never throws:
 * a page that cannot be read says why.
 */
public final class ScanReader {

    /** Resolution pages are read at: Tesseract's models are trained on text of about this size. */
    public static final int DPI = 300;
    /** Share of the page's height read at the top and at the bottom of pages after the first. */
    public static final double BAND = 0.10;

    /** Orientation detection needs far fewer pixels than reading. */
    private static final int OSD_DPI = 150;
    private static final int BATCH = 16;
    /** Lines the engine is less sure of than this are speckle, ruling or a picture, not text. */
    private static final int MIN_LINE_CONFIDENCE = 35;

    private final OcrSettings settings;

    public ScanReader(OcrSettings settings) {
        this.settings = settings;
    }

    /** Reads {@code pages} (1-based, ascending) of {@code images}; page 1 whole, the others by bands. */
    public List<ScannedText> read(PageImages images, List<Integer> pages) {
        if (pages.isEmpty()) {
            return List.of();
        }
        if (!settings.enabled()) {
            return all(pages, Outcome.OFF, "");
        }
        Path work;
        try {
            work = Files.createTempDirectory("marking-ocr");
        } catch (IOException e) {
            return all(pages, Outcome.FAILED, "cannot make a temporary folder for OCR: " + e.getMessage());
        }
        try {
            return read(images, pages, new Tesseract(settings, work), work);
        } catch (RuntimeException e) {
            return all(pages, Outcome.FAILED, "OCR failed: " + e);
        } finally {
            delete(work);
        }
    }

    private List<ScannedText> read(PageImages images, List<Integer> pages, Tesseract tesseract, Path work) {
        Set<String> installed;
        try {
            installed = tesseract.installed();
        } catch (OcrException e) {
            return all(pages, e.outcome(), e.getMessage());
        }
        List<String> missing = Tesseract.LANGUAGES.stream().filter(l -> !installed.contains(l)).toList();
        if (!missing.isEmpty()) {
            return all(pages, Outcome.UNAVAILABLE, settings.program() + " has no language data for "
                    + String.join(", ", missing) + " (Debian: apt-get install tesseract-ocr-chi-sim tesseract-ocr-chi-tra)");
        }
        boolean osd = installed.contains(Tesseract.OSD);
        Map<Integer, ScannedText> done = new TreeMap<>();
        Map<Integer, List<OcrLine>> read = new TreeMap<>();
        List<Piece> pending = new ArrayList<>();
        for (int page : pages) {
            try {
                List<Piece> pieces = cut(images, page, tesseract, osd, work);
                if (pieces.isEmpty()) {
                    done.put(page, new ScannedText(new ScannedPage(page, Outcome.BLANK, ""), List.of(), page == 1));
                }
                for (Piece p : pieces) {
                    if (!pending.isEmpty() && (pending.size() >= BATCH || !pending.get(0).sameRun(p))) {
                        recognise(tesseract, pending, read, done);
                    }
                    pending.add(p);
                }
            } catch (OcrException e) {
                done.put(page, failed(page, e.outcome(), e.getMessage()));
            } catch (IOException | RuntimeException e) {
                done.put(page, failed(page, Outcome.FAILED, "cannot render the page for OCR: " + e));
            }
        }
        if (!pending.isEmpty()) {
            recognise(tesseract, pending, read, done);
        }
        for (int page : pages) {
            if (!done.containsKey(page)) {
                List<OcrLine> lines = read.getOrDefault(page, List.of()).stream()
                        .sorted(Comparator.comparingDouble(OcrLine::top)).toList();
                Outcome outcome = lines.isEmpty() ? Outcome.BLANK : Outcome.READ;
                done.put(page, new ScannedText(new ScannedPage(page, outcome, ""), lines, page == 1));
            }
        }
        return List.copyOf(done.values());
    }

    /** Renders {@code page}, turns it upright and writes what is to be read of it; nothing for a blank page. */
    private List<Piece> cut(PageImages images, int page, Tesseract tesseract, boolean osd, Path work)
            throws IOException, OcrException {
        PageImages.PageImage rendered = images.render(page, DPI);
        BufferedImage grey = Rasters.grey(rendered.image());
        int dpi = rendered.dpi();
        int target = PageImages.capped(grey.getWidth() * 72.0 / dpi, grey.getHeight() * 72.0 / dpi, DPI);
        if (Math.abs(target - dpi) * 10 > dpi) {
            // An image file scanned at 150 or 600 dpi: Tesseract reads best at about 300.
            grey = Rasters.scaled(grey, (double) target / dpi);
            dpi = target;
        }
        grey = Rasters.despeckled(grey);
        if (Rasters.blank(grey)) {
            return List.of();
        }
        BufferedImage upright = Rasters.turned(grey, osd ? turn(grey, dpi, tesseract, work, page) : 0);
        int h = upright.getHeight();
        List<Piece> out = new ArrayList<>();
        if (page == 1) {
            out.add(write(upright, page, 0, h, dpi, work));
        } else {
            int band = (int) Math.ceil(h * BAND);
            // A band ends between two lines, never through one: a wide top margin puts the header at its edge.
            out.add(write(upright, page, 0, Rasters.gapBelow(upright, band, 2 * band), dpi, work));
            out.add(write(upright, page, Rasters.gapAbove(upright, h - band, h - 2 * band), h, dpi, work));
        }
        return out.stream().filter(p -> p != null).toList();
    }

    /**
     * The clockwise turn that makes the page upright. Orientation detection tells the direction of the
     * lines well, but on a page of a few lines of Chinese it is unsure which end is up: then a small copy
     * is read both ways up and the way with more confidently read characters wins.
     */
    private static int turn(BufferedImage grey, int dpi, Tesseract tesseract, Path work, int page)
            throws IOException, OcrException {
        BufferedImage small = dpi > OSD_DPI ? Rasters.scaled(grey, (double) OSD_DPI / dpi) : grey;
        int smallDpi = Math.min(dpi, OSD_DPI);
        Path file = work.resolve("osd-" + page + ".pgm");
        Rasters.writePgm(small, file);
        Tesseract.Orientation orientation = tesseract.orientation(file, smallDpi);
        if (orientation.sure()) {
            return orientation.turn();
        }
        int flipped = (orientation.turn() + 180) % 360;
        Path one = work.resolve("way-" + page + "-a.pgm");
        Path other = work.resolve("way-" + page + "-b.pgm");
        Rasters.writePgm(Rasters.turned(small, orientation.turn()), one);
        Rasters.writePgm(Rasters.turned(small, flipped), other);
        List<List<TsvLines.RawLine>> both = TsvLines.parse(tesseract.recognise(List.of(one, other), smallDpi,
                Tesseract.Layout.PAGE), 2);
        return score(both.get(1)) > score(both.get(0)) ? flipped : orientation.turn();
    }

    /** How much text a reading holds: characters weighted by confidence, over the lines kept as text. */
    private static double score(List<TsvLines.RawLine> lines) {
        return lines.stream().filter(ScanReader::text).mapToDouble(l -> l.confidence() * l.text().length()).sum();
    }

    /** True for a line that is text, not speckle, ruling or a picture. */
    private static boolean text(TsvLines.RawLine line) {
        return line.confidence() >= MIN_LINE_CONFIDENCE && line.text().codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Writes rows {@code top..bottom} of an upright page; null when they are blank. */
    private static Piece write(BufferedImage upright, int page, int top, int bottom, int dpi, Path work)
            throws IOException {
        BufferedImage rows = Rasters.rows(upright, top, bottom);
        if (Rasters.blank(rows)) {
            return null;
        }
        Path file = work.resolve("page-" + page + "-" + top + ".pgm");
        Rasters.writePgm(rows, file);
        int height = upright.getHeight();
        return new Piece(page, file, (double) top / height, (double) (bottom - top) / height, rows.getHeight(),
                dpi);
    }

    /** Recognises the pieces of {@code batch} (of one resolution) in one run, then deletes their files and empties it. */
    private static void recognise(Tesseract tesseract, List<Piece> batch, Map<Integer, List<OcrLine>> read,
            Map<Integer, ScannedText> done) {
        List<Piece> pieces = List.copyOf(batch);
        batch.clear();
        String tsv;
        try {
            Piece first = pieces.get(0);
            tsv = tesseract.recognise(pieces.stream().map(Piece::file).toList(), first.dpi(),
                    first.span() < 1 ? Tesseract.Layout.SPARSE : Tesseract.Layout.PAGE);
        } catch (OcrException e) {
            pieces.forEach(p -> done.putIfAbsent(p.page(), failed(p.page(), e.outcome(), e.getMessage())));
            return;
        } finally {
            pieces.forEach(p -> delete(p.file()));
        }
        List<List<TsvLines.RawLine>> lines = TsvLines.parse(tsv, pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            List<OcrLine> kept = read.computeIfAbsent(p.page(), k -> new ArrayList<>());
            for (TsvLines.RawLine raw : lines.get(i)) {
                if (text(raw)) {
                    kept.add(new OcrLine(raw.text(), p.share(raw.top()), p.share(raw.bottom()), raw.confidence()));
                }
            }
        }
    }

    private static ScannedText failed(int page, Outcome outcome, String detail) {
        return new ScannedText(new ScannedPage(page, outcome, detail), List.of(), page == 1);
    }

    private static List<ScannedText> all(List<Integer> pages, Outcome outcome, String detail) {
        return pages.stream().map(p -> failed(p, outcome, detail)).toList();
    }

    /** Deletes {@code path}, a file or a folder with everything in it, as far as it can. */
    private static void delete(Path path) {
        try (Stream<Path> s = Files.walk(path)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary file left behind is not worth failing a check for; the OS cleans its temp folder.
        }
    }

    /**
     * One image given to the engine: an upright page or a band of it.
     *
     * @param page   1-based page
     * @param file   the image
     * @param offset where the image starts on the page, as a share of its height
     * @param span   how much of the page's height it covers
     * @param pixels its height in pixels
     * @param dpi    its resolution
     */
    private record Piece(int page, Path file, double offset, double span, int pixels, int dpi) {

        /** True when this piece can be read in one run with {@code other}: same resolution, same layout (page or band). */
        boolean sameRun(Piece other) {
            return dpi == other.dpi && (span < 1) == (other.span < 1);
        }

        /** A row of this image as a share of the page's height. */
        double share(int row) {
            return offset + span * row / pixels;
        }
    }
}
