package dev.marking.core.format.ocr;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ScannedPage.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the Tesseract program (5.x) as a child process: one process per OCR job, so a crash, a hang or a
 * memory blow-up ends that job, never the JVM; the process is stopped at the time limit. Each run is
 * told to use one thread ({@code OMP_THREAD_LIMIT=1}): marking checks files in parallel already.
 */
final class Tesseract {

    /** The language data every run loads: Simplified and Traditional Chinese (both read Latin letters and digits). */
    static final List<String> LANGUAGES = List.of("chi_sim", "chi_tra");
    /** Orientation and script detection data. */
    static final String OSD = "osd";

    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ROTATE = Pattern.compile("(?m)^Rotate:\\s*(\\d+)");
    private static final Pattern CONFIDENCE = Pattern.compile("(?m)^Orientation confidence:\\s*([0-9.]+)");
    private static final int STDERR_SHOWN = 300;

    private final OcrSettings settings;
    private final Path work;

    /** Runs {@code settings.program()}, with temporary files in {@code work}. */
    Tesseract(OcrSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    /**
     * The language data installed for the program ({@code chi_sim}, {@code osd}, …); fails as
     * {@link Outcome#UNAVAILABLE} when the program is missing or does not start.
     */
    Set<String> installed() throws OcrException {
        Result r = run(List.of("--list-langs"), LIST_TIMEOUT);
        if (r.exit() != 0) {
            throw new OcrException(Outcome.UNAVAILABLE, settings.program() + " --list-langs exited with " + r.exit()
                    + ": " + shorten(r.stderr()));
        }
        // The first line names the data folder ("List of available languages in ..."); the rest are codes.
        return Arrays.stream(r.stdout().split("\\R")).skip(1).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Tesseract's orientation detection on {@code image}: the clockwise turn that makes the page upright
     * and how sure it is; an upright guess of no confidence when it finds too few characters to tell.
     */
    Orientation orientation(Path image, int dpi) throws OcrException {
        Result r = run(List.of(image.toString(), "stdout", "--psm", "0", "--dpi", String.valueOf(dpi)),
                settings.timeout());
        Matcher rotate = ROTATE.matcher(r.stdout());
        Matcher confidence = CONFIDENCE.matcher(r.stdout());
        if (!rotate.find() || !confidence.find()) {
            return new Orientation(0, 0); // "Too few characters": a blank or nearly blank page
        }
        return new Orientation(Integer.parseInt(rotate.group(1)) % 360, Double.parseDouble(confidence.group(1)));
    }

    /** How the text of an image is laid out, which chooses Tesseract's page segmentation mode. */
    enum Layout {
        /** A whole page: columns, paragraphs, lines (automatic segmentation, {@code --psm 3}). */
        PAGE("3"),
        /** A band of a page: a running header or footer, a page number, words far apart ({@code --psm 11}). */
        SPARSE("11");

        private final String psm;

        Layout(String psm) {
            this.psm = psm;
        }
    }

    /**
     * Which way up a page is.
     *
     * @param turn       the clockwise turn in degrees (0, 90, 180, 270) that makes it upright
     * @param confidence Tesseract's orientation confidence; a page of a few lines of Chinese gets well below 1
     *                   even when the answer is right
     */
    record Orientation(int turn, double confidence) {

        /** Tesseract's own advice: above about 2 the answer can be taken without a second look. */
        boolean sure() {
            return confidence >= 2.0;
        }
    }

    /**
     * Recognises the words of {@code images} (grey images at {@code dpi}, laid out as {@code layout}) in one run, as
     * Tesseract's TSV:
     * one line per page, block, paragraph, line and word, pages numbered from 1 in list order.
     */
    String recognise(List<Path> images, int dpi, Layout layout) throws OcrException {
        return recognise(images, dpi, layout, LANGUAGES);
    }

    /** As {@link #recognise(List, int, Layout)} with only the language data {@code languages} loaded. */
    String recognise(List<Path> images, int dpi, Layout layout, List<String> languages) throws OcrException {
        Path list = work.resolve("images-" + System.nanoTime() + ".txt");
        try {
            Files.write(list, images.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OcrException(Outcome.FAILED, "cannot write the OCR image list: " + e.getMessage());
        }
        Duration limit = settings.timeout().multipliedBy(images.size());
        Result r = run(List.of(list.toString(), "stdout", "-l", String.join("+", languages), "--dpi",
                String.valueOf(dpi), "--psm", layout.psm, "tsv"), limit);
        if (r.exit() != 0) {
            throw new OcrException(Outcome.FAILED, settings.program() + " exited with " + r.exit() + ": "
                    + shorten(r.stderr()));
        }
        return r.stdout();
    }

    private Result run(List<String> arguments, Duration limit) throws OcrException {
        List<String> command = new ArrayList<>();
        command.add(settings.program());
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        String id = Long.toString(System.nanoTime());
        Path out = work.resolve("stdout-" + id + ".txt");
        Path err = work.resolve("stderr-" + id + ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new OcrException(Outcome.UNAVAILABLE, "cannot run " + settings.program() + " (set "
                    + OcrSettings.PROGRAM_VARIABLE + " or install tesseract-ocr): " + e.getMessage());
        }
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new OcrException(Outcome.FAILED, settings.program() + " took longer than "
                        + limit.toSeconds() + " s and was stopped");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OcrException(Outcome.FAILED, "OCR interrupted");
        } catch (IOException e) {
            throw new OcrException(Outcome.FAILED, "cannot read what " + settings.program() + " wrote: " + e.getMessage());
        }
    }

    private static String shorten(String stderr) {
        String s = stderr.strip().replaceAll("\\s+", " ");
        return s.length() <= STDERR_SHOWN ? s : s.substring(0, STDERR_SHOWN) + "…";
    }

    /** What one run of the program left. */
    private record Result(int exit, String stdout, String stderr) {
    }
}
