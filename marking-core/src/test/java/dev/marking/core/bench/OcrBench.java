package dev.marking.core.bench;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ocr.PageImages;
import dev.marking.core.format.ocr.ScanReader;
import dev.marking.core.testing.Scans;
import dev.marking.core.testing.Scans.Noise;
import dev.marking.core.testing.StampCases;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: OCR time per page, whole first page against the top and bottom bands of a later page, on a
 * scan made here (a two-page notice stamped by our stamper, printed at 300 dpi with light noise). Each
 * figure is the median of {@value #ROUNDS} runs of {@link ScanReader} (rendering, despeckling,
 * orientation, recognition, one Tesseract process per run), and the same for ten pages in one run, where
 * the model load is shared. Run: {@code java -cp <test-classpath> dev.marking.core.bench.OcrBench}.
 */
public final class OcrBench {

    private static final int ROUNDS = 5;

    private OcrBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ocr-bench");
        Path source = Scans.document(work.resolve("notice.pdf"), List.of(List.of("关于开展年度演训工作的通知", "各有关单位：",
                "根据上级要求，XX部队于X月X日在A基地组织演训。", "请各单位做好准备，按时到位。"),
                List.of("二、保障物资提前落实。", "三、其他事项另行通知。")));
        Path stamped = Scans.stamped(source, work.resolve("stamped.pdf"), StampCases.first());
        List<BufferedImage> pages = Scans.scanAll(stamped, 300, new Noise(0.002, 10, 0.5), 1);
        List<BufferedImage> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(pages.get(i == 0 ? 0 : 1));
        }
        PageImages two = (page, dpi) -> new PageImages.PageImage(pages.get(page - 1), 300);
        PageImages ten = (page, dpi) -> new PageImages.PageImage(many.get(page - 1), 300);
        ScanReader reader = new ScanReader(OcrSettings.fromEnvironment(true));
        double whole = median(() -> reader.read(two, List.of(1)));
        double bands = median(() -> reader.read(two, List.of(2)));
        double tenPages = median(() -> reader.read(ten, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        System.out.printf(Locale.ROOT, "whole first page (A4, 300 dpi): %.2f s%n", whole);
        System.out.printf(Locale.ROOT, "top and bottom bands of a later page: %.2f s%n", bands);
        System.out.printf(Locale.ROOT, "ten pages in one run (page 1 whole, nine by bands): %.2f s, %.2f s a page%n",
                tenPages, tenPages / 10);
    }

    private static double median(Run run) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            run.run();
            times.add((System.nanoTime() - start) / 1e9);
        }
        times.sort(Double::compare);
        return times.get(ROUNDS / 2);
    }

    /** One timed run. */
    @FunctionalInterface
    private interface Run {
        Object run() throws Exception;
    }
}
