package dev.marking.core.format.ocr;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.format.ScannedPage.Outcome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads pages without text of their own by OCR: the whole first page (where the GB/T 9704 block and the
 * body start), its top band again as sparse text, and the top and bottom bands of every other page (where
 * running marks and copy numbers are). Each page is rendered at {@value #DPI} dpi, despeckled, turned
 * upright by Tesseract's orientation detection (read all four ways up when it is unsure), cut into what is
 * read and written to a temporary folder; all of a document's pieces are then recognised in one Tesseract
 * run per {@value #BATCH} pieces of one layout, so the language data loads once or twice; each run goes on while
 * the next pages are rendered and, while a core has no Tesseract process on it, while the next run starts. One
 * page in memory at a time. Never throws: a page that cannot be read says why.
 */
public final class ScanReader {

    /** Resolution pages are read at: Tesseract's models are trained on text of about this size. */
    public static final int DPI = 300;
    /** Share of the page's height read at the top and at the bottom of pages after the first. */
    public static final double BAND = 0.10;

    /** Orientation detection needs far fewer pixels than reading. */
    private static final int OSD_DPI = 150;
    private static final int BATCH = 16;
    /**
     * The language data the four-ways-up reading loads: Simplified Chinese alone, which reads Traditional
     * characters, Latin letters and digits well enough to tell which way up the lines run, in 40 % of the
     * time both models take (on a page of Latin print, 0.9 CPU s against 2.2 s).
     */
    private static final List<String> ORIENTATION_LANGUAGES = List.of("chi_sim");
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
        Map<Integer, List<Reading>> read = new TreeMap<>();
        List<Piece> pending = new ArrayList<>();
        Deque<Started> started = new ArrayDeque<>();
        try {
            for (int page : pages) {
                try {
                    List<Piece> pieces = cut(images, page, tesseract, osd, work);
                    if (pieces.isEmpty()) {
                        done.put(page, new ScannedText(new ScannedPage(page, Outcome.BLANK, ""), List.of(), page == 1));
                    }
                    for (Piece p : pieces) {
                        if (!pending.isEmpty() && (pending.size() >= BATCH || !pending.get(0).sameRun(p))) {
                            start(tesseract, pending, started, read, done);
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
                start(tesseract, pending, started, read, done);
            }
            while (!started.isEmpty()) {
                collect(started.poll(), read, done);
            }
        } finally {
            started.forEach(Started::stop); // left by an interruption or an error: their processes end here
        }
        for (int page : pages) {
            if (!done.containsKey(page)) {
                List<OcrLine> lines = merged(read.getOrDefault(page, List.of()));
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
        int band = (int) Math.ceil(h * BAND);
        List<Piece> out = new ArrayList<>();
        if (page == 1) {
            out.add(write(upright, page, 0, h, dpi, work));
        }
        // A band ends between two lines, never through one: a wide top margin puts the header at its edge.
        out.add(write(upright, page, 0, Rasters.gapBelow(upright, band, 2 * band), dpi, work));
        if (page != 1) {
            out.add(write(upright, page, Rasters.gapAbove(upright, h - band, h - 2 * band), h, dpi, work));
        }
        return out.stream().filter(p -> p != null).toList();
    }

    /**
     * The clockwise turn that makes the page upright. When Tesseract's orientation detection is unsure (a page
     * of a few Chinese lines, a dithered watermark across it), a small copy is read all four ways up and the
     * way with most confidently read characters in lines running across the page wins (read with Simplified Chinese
     * alone: only the comparison matters, not the text): turned sideways, Chinese is still read, as vertical
     * writing, so only the shape of its lines tells. Ties keep the detector's answer.
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
        List<Integer> turns = List.of(0, 90, 180, 270).stream().map(t -> (orientation.turn() + t) % 360).toList();
        List<Path> ways = new ArrayList<>();
        for (int t : turns) {
            Path way = work.resolve("way-" + page + "-" + t + ".pgm");
            Rasters.writePgm(Rasters.turned(small, t), way);
            ways.add(way);
        }
        List<List<TsvLines.RawLine>> read = TsvLines.parse(tesseract.recognise(ways, smallDpi, Tesseract.Layout.PAGE,
                ORIENTATION_LANGUAGES), ways.size());
        int best = 0;
        for (int i = 1; i < turns.size(); i++) {
            if (score(read.get(i)) > score(read.get(best))) {
                best = i;
            }
        }
        return turns.get(best);
    }

    /** How much upright text a reading holds: characters weighted by confidence, over text lines running across. */
    private static double score(List<TsvLines.RawLine> lines) {
        return lines.stream().filter(l -> text(l) && l.across()).mapToDouble(l -> l.confidence() * l.text().length())
                .sum();
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
        Path file = work.resolve("page-" + page + "-" + top + "-" + bottom + ".pgm");
        Rasters.writePgm(rows, file);
        int height = upright.getHeight();
        return new Piece(page, file, (double) top / height, (double) (bottom - top) / height, rows.getHeight(),
                dpi);
    }

    /**
     * Starts recognising the pieces of {@code batch} (of one resolution and layout) in one run and empties it; while
     * no core is free of Tesseract, the runs started before are waited for first. The next pages are rendered
     * while it runs; runs are read in the order they were started, as if one after the other.
     */
    private static void start(Tesseract tesseract, List<Piece> batch, Deque<Started> started,
            Map<Integer, List<Reading>> read, Map<Integer, ScannedText> done) {
        List<Piece> pieces = List.copyOf(batch);
        batch.clear();
        while (!started.isEmpty() && !Tesseract.coreFree()) {
            collect(started.poll(), read, done);
        }
        Piece first = pieces.get(0);
        try {
            started.add(new Started(pieces, tesseract.start(pieces.stream().map(Piece::file).toList(), first.dpi(),
                    first.span() < 1 ? Tesseract.Layout.SPARSE : Tesseract.Layout.PAGE), null));
        } catch (OcrException e) {
            started.add(new Started(pieces, null, e));
        }
    }

    /** Waits for a run, files what it read under its pages (or why it failed), then deletes its pieces' files. */
    private static void collect(Started run, Map<Integer, List<Reading>> read, Map<Integer, ScannedText> done) {
        List<Piece> pieces = run.pieces();
        String tsv;
        try {
            if (run.failure() != null) {
                throw run.failure();
            }
            tsv = run.job().tsv();
        } catch (OcrException e) {
            pieces.forEach(p -> done.putIfAbsent(p.page(), failed(p.page(), e.outcome(), e.getMessage())));
            return;
        } finally {
            run.stop();
            pieces.forEach(p -> delete(p.file()));
        }
        List<List<TsvLines.RawLine>> lines = TsvLines.parse(tsv, pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            List<OcrLine> kept = new ArrayList<>();
            read.computeIfAbsent(p.page(), k -> new ArrayList<>()).add(new Reading(p, kept));
            for (TsvLines.RawLine raw : lines.get(i)) {
                if (text(raw)) {
                    kept.add(new OcrLine(raw.text(), p.share(raw.top()), p.share(raw.bottom()), raw.confidence()));
                }
            }
        }
    }

    /**
     * The lines of one page from the readings of its pieces, top to bottom. Where a band was read as well as
     * the whole page (the top of page 1), the band's reading replaces the whole page's there only when it
     * holds more lines: read as sparse text, a mark beside a large title is a line of its own instead of
     * being swallowed into the title's line; otherwise the whole page's reading, in context, is the better one.
     */
    private static List<OcrLine> merged(List<Reading> readings) {
        List<Reading> whole = readings.stream().filter(r -> r.piece().span() >= 1).toList();
        List<OcrLine> out = new ArrayList<>();
        List<Reading> better = new ArrayList<>();
        for (Reading r : readings) {
            if (r.piece().span() >= 1) {
                continue;
            }
            long there = whole.stream().flatMap(w -> w.lines().stream()).filter(l -> r.piece().holds(l.middle())).count();
            if (whole.isEmpty() || r.lines().size() > there) {
                better.add(r);
                out.addAll(r.lines());
            }
        }
        for (Reading w : whole) {
            w.lines().stream().filter(l -> better.stream().noneMatch(b -> b.piece().holds(l.middle()))).forEach(out::add);
        }
        out.sort(Comparator.comparingDouble(OcrLine::top));
        return out;
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

    /** What the engine read on one piece, its lines placed on the page. */
    private record Reading(Piece piece, List<OcrLine> lines) {
    }

    /** A run started on {@code pieces}: its {@code job}, or the {@code failure} that kept it from starting. */
    private record Started(List<Piece> pieces, Tesseract.Job job, OcrException failure) {

        void stop() {
            if (job != null) {
                job.stop();
            }
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

        /** True when the point {@code share} of the page's height down lies within this piece. */
        boolean holds(double share) {
            return share >= offset && share <= offset + span;
        }

        /** A row of this image as a share of the page's height. */
        double share(int row) {
            return offset + span * row / pixels;
        }
    }
}
