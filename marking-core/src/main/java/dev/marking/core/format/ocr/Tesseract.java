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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the Tesseract program (5.x) as a child process: one process per OCR job, so a crash, a hang or a
 * memory blow-up ends that job, never the JVM; the process is stopped at the time limit. Each run is
 * told to use one thread ({@code OMP_THREAD_LIMIT=1}): marking checks files in parallel already, and a run of
 * several images takes a second process only while a core has no Tesseract process on it.
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
    /** The cores of this machine: Tesseract processes beyond them only wait for one another. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Tesseract processes this JVM runs now. */
    private static final AtomicInteger RUNNING = new AtomicInteger();
    /** Numbers the files of runs started in the same nanosecond apart. */
    private static final AtomicLong LISTS = new AtomicLong();

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

    /**
     * As {@link #recognise(List, int, Layout)} with only the language data {@code languages} loaded. Two images or
     * more are read by two processes at once, each with half of them, while this JVM runs fewer Tesseract processes
     * than the machine has cores (a check of one scanned file, the last scans of a folder): each image is read as it
     * would be in one run, and the second run's pages are numbered on from the first's.
     */
    String recognise(List<Path> images, int dpi, Layout layout, List<String> languages) throws OcrException {
        return recognise(images, dpi, layout, languages, twoCoresFree());
    }

    /** As {@link #recognise(List, int, Layout, List)}, in two processes when {@code split} (and two images or more). */
    String recognise(List<Path> images, int dpi, Layout layout, List<String> languages, boolean split)
            throws OcrException {
        Job job = start(images, dpi, layout, languages, split);
        try {
            return job.tsv();
        } finally {
            job.stop();
        }
    }

    /**
     * Starts recognising {@code images} as {@link #recognise(List, int, Layout)} does and returns without waiting: the
     * caller reads the result with {@link Job#tsv()} and ends the job with {@link Job#stop()} in any case.
     */
    Job start(List<Path> images, int dpi, Layout layout) throws OcrException {
        return start(images, dpi, layout, LANGUAGES, twoCoresFree());
    }

    private Job start(List<Path> images, int dpi, Layout layout, List<String> languages, boolean split)
            throws OcrException {
        List<String> options = List.of("stdout", "-l", String.join("+", languages), "--dpi", String.valueOf(dpi), "--psm",
                layout.psm, "tsv");
        int n = images.size();
        if (n < 2 || !split) {
            return new Job(launch(list(images), options, n), null, 0);
        }
        int half = (n + 1) / 2;
        Running first = launch(list(images.subList(0, half)), options, half);
        try {
            return new Job(first, launch(list(images.subList(half, n)), options, n - half), half);
        } catch (OcrException | RuntimeException e) {
            first.stop();
            throw e;
        }
    }

    /** True when this JVM runs fewer Tesseract processes than the machine has cores. */
    static boolean coreFree() {
        return RUNNING.get() < CORES;
    }

    /** True when two more Tesseract processes would still leave none of them waiting for a core. */
    private static boolean twoCoresFree() {
        return RUNNING.get() + 2 <= CORES;
    }

    /**
     * A recognition started: one process, or two when it was split, the second's pages numbered on after {@code half}
     * (0 when there is no second).
     */
    final class Job {

        private final Running first;
        private final Running second;
        private final int half;

        private Job(Running first, Running second, int half) {
            this.first = first;
            this.second = second;
            this.half = half;
        }

        /** Waits for the run(s) and gives Tesseract's TSV, pages numbered from 1 in list order. */
        String tsv() throws OcrException {
            String read = Tesseract.this.tsv(first);
            if (second == null) {
                return read;
            }
            return read + (read.isEmpty() || read.endsWith("\n") ? "" : "\n") + numberedOn(Tesseract.this.tsv(second), half);
        }

        /** Stops what still runs. */
        void stop() {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    /** {@code tsv} without its heading, its pages numbered from {@code before} + 1. */
    static String numberedOn(String tsv, int before) {
        StringBuilder out = new StringBuilder(tsv.length());
        for (String row : tsv.split("\n")) {
            int a = row.indexOf('\t');
            int b = a < 0 ? -1 : row.indexOf('\t', a + 1);
            if (b < 0 || !row.substring(a + 1, b).chars().allMatch(Character::isDigit) || a + 1 == b) {
                continue; // the heading, or no row of Tesseract's
            }
            out.append(row, 0, a + 1).append(Integer.parseInt(row.substring(a + 1, b)) + before).append(row, b, row.length())
                    .append('\n');
        }
        return out.toString();
    }

    /** The image list file a run reads {@code images} from. */
    private Path list(List<Path> images) throws OcrException {
        Path list = work.resolve("images-" + System.nanoTime() + "-" + LISTS.incrementAndGet() + ".txt");
        try {
            Files.write(list, images.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OcrException(Outcome.FAILED, "cannot write the OCR image list: " + e.getMessage());
        }
        return list;
    }

    /** Starts reading the {@code images} images listed in {@code list}, with a time limit for each of them. */
    private Running launch(Path list, List<String> options, int images) throws OcrException {
        List<String> arguments = new ArrayList<>();
        arguments.add(list.toString());
        arguments.addAll(options);
        return launch(arguments, settings.timeout().multipliedBy(images));
    }

    /** What a recognition run wrote, once it has ended well. */
    private String tsv(Running running) throws OcrException {
        Result r = running.finish();
        if (r.exit() != 0) {
            throw new OcrException(Outcome.FAILED, settings.program() + " exited with " + r.exit() + ": "
                    + shorten(r.stderr()));
        }
        return r.stdout();
    }

    private Result run(List<String> arguments, Duration limit) throws OcrException {
        Running running = launch(arguments, limit);
        try {
            return running.finish();
        } finally {
            running.stop();
        }
    }

    /** Starts the program with {@code arguments}; it is stopped if it runs longer than {@code limit}. */
    private Running launch(List<String> arguments, Duration limit) throws OcrException {
        List<String> command = new ArrayList<>();
        command.add(settings.program());
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        String id = System.nanoTime() + "-" + LISTS.incrementAndGet();
        Path out = work.resolve("stdout-" + id + ".txt");
        Path err = work.resolve("stderr-" + id + ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new OcrException(Outcome.UNAVAILABLE, "cannot run " + settings.program() + " (set "
                    + OcrSettings.PROGRAM_VARIABLE + " or install tesseract-ocr): " + e.getMessage());
        }
        RUNNING.incrementAndGet();
        Running running = new Running(p, out, err, limit);
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // the program reads no input: nothing is lost
        }
        return running;
    }

    /** A process started, which is waited for until {@code limit} has passed since it started. */
    private final class Running {

        private final Process process;
        private final Path out;
        private final Path err;
        private final Duration limit;
        private final long deadline;
        private boolean counted = true;

        Running(Process process, Path out, Path err, Duration limit) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.limit = limit;
            this.deadline = System.nanoTime() + limit.toNanos();
        }

        Result finish() throws OcrException {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    stop();
                    throw new OcrException(Outcome.FAILED, settings.program() + " took longer than "
                            + limit.toSeconds() + " s and was stopped");
                }
                stop();
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new OcrException(Outcome.FAILED, "OCR interrupted");
            } catch (IOException e) {
                throw new OcrException(Outcome.FAILED, "cannot read what " + settings.program() + " wrote: "
                        + e.getMessage());
            }
        }

        /** Stops the process if it still runs (and what it started); it no longer counts as running. */
        void stop() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (counted) {
                counted = false;
                RUNNING.decrementAndGet();
            }
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
