package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.testing.Scans;
import dev.marking.core.testing.Scans.Noise;
import dev.marking.core.testing.StampCases;
import dev.marking.core.text.Messages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, acceptance 4: scans made here (a document stamped by our own stamper, printed to pixels,
 * soiled and skewed, kept as an image-only PDF, a PNG and a TIFF) are read by OCR through the whole
 * pipeline: the mark and copy number come out as stamped, fake de-classification in the body is found
 * at {@code (OCR)} locations, and a blank scanned page is never clean.
 */
class ScannedDocumentTest {

    static final List<String> BODY = List.of("关于开展年度演训工作的通知", "各有关单位：",
            "根据上级要求，XX部队于X月X日在A基地组织演训。", "请各单位做好准备，按时到位。");
    static final Noise LIGHT = new Noise(0.002, 12, 0.6);

    @TempDir
    static Path dir;
    static Path stamped;

    @BeforeAll
    static void stampedDocument() throws Exception {
        ExternalTools.require("tesseract", "reading scanned documents by OCR");
        Path source = Scans.document(dir.resolve("notice.pdf"), List.of(BODY, List.of("二、保障物资提前落实。")));
        stamped = Scans.stamped(source, dir.resolve("notice.stamped.pdf"), StampCases.first());
    }

    static Scanner scanner(Policy policy) {
        return Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(policy, StampCases.DAY, Messages.forLang("en"))
                .withThreads(1));
    }

    static void show(String what, FileResult r) {
        System.out.println(what + ": " + r.marking().map(m -> m.mark() + " copy " + m.copy().map(c -> c.formatted())
                .orElse("-")).orElse("unmarked"));
        for (Finding f : r.findings()) {
            System.out.println("  " + f.severity() + " " + f.rule() + " @ " + f.location().describe() + ": " + f.message()
                    + (f.evidence() == null ? "" : " [" + f.evidence() + "]"));
        }
    }

    @Test
    void aScannedStampedPdfReadsAsStamped() throws Exception {
        List<BufferedImage> pages = Scans.scanAll(stamped, 300, LIGHT, 7);
        Path pdf = Scans.imagePdf(dir.resolve("scan-300.pdf"), pages, 300);
        FileResult r = scanner(Policy.defaults()).check(pdf);
        show("image-only PDF, 300 dpi", r);
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());
        Finding fake = r.findings().stream().filter(f -> f.rule().equals("declass.fake")).findFirst().orElseThrow();
        assertNotNull(fake.location().ocr(), "found in OCR text: " + fake);
        assertTrue(fake.location().describe().contains("(OCR"), fake.location().describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tiff"})
    void pageImagesReadAsStamped(String kind) throws Exception {
        List<BufferedImage> pages = Scans.scanAll(stamped, 200, LIGHT, 11);
        Path file = kind.equals("png") ? Scans.png(dir.resolve("scan.png"), pages.get(0))
                : Scans.tiff(dir.resolve("scan.tiff"), pages, 200);
        FileResult r = scanner(Policy.defaults()).check(file);
        show(kind, r);
        assertEquals("image", r.format());
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void sidewaysAndUpsideDownScansAreTurnedUpright(int degrees) throws Exception {
        BufferedImage page = Scans.turned(Scans.scan(stamped, 1, 300, LIGHT, 3), degrees);
        FileResult r = scanner(Policy.defaults()).check(Scans.imagePdf(dir.resolve("turned-" + degrees + ".pdf"),
                List.of(page), 300));
        show("turned " + degrees, r);
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());
    }

    /**
     * A page the orientation detector is unsure of is read four ways up with Simplified Chinese data alone (to save
     * time): a sideways or upside-down scan of a notice typed in Traditional script still comes out upright, with its
     * mark read (and reported in its Simplified form, as for any Traditional mark).
     */
    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void turnedScansInTraditionalScriptAreTurnedUpright(int degrees) throws Exception {
        Path source = Scans.document(dir.resolve("traditional-" + degrees + ".pdf"), List.of(List.of("機密★5年",
                "關於開展年度演訓工作的通知", "各有關單位：", "請各單位做好準備，按時到位。")));
        BufferedImage page = Scans.turned(Scans.scan(source, 1, 300, LIGHT, 13), degrees);
        FileResult r = scanner(Policy.defaults()).check(Scans.imagePdf(dir.resolve("traditional-turned-" + degrees
                + ".pdf"), List.of(page), 300));
        show("Traditional, turned " + degrees, r);
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
    }

    @Test
    void withOcrOffAScanIsReportedUnreadNeverClean() throws Exception {
        Path pdf = Scans.imagePdf(dir.resolve("scan-off.pdf"), List.of(Scans.scan(stamped, 1, 150, LIGHT, 2)), 150);
        FileResult mandatory = scanner(PolicyLoader.parse("marking.yml", "ocr: off\n", "test")).check(pdf);
        show("ocr: off", mandatory);
        Finding f = mandatory.findings().stream().filter(x -> x.rule().equals("file.no-text")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("OCR is switched off"), f.message());
        FileResult content = scanner(PolicyLoader.parse("marking.yml", "ocr: off\nmarking: content\n", "test")).check(pdf);
        assertEquals(List.of("file.no-text"), content.findings().stream().map(Finding::rule).toList());
        assertEquals(Severity.WARNING, content.findings().get(0).severity());
    }

    @Test
    void aScannedBlankPageIsNeverClean() throws Exception {
        Path blank = Scans.imagePdf(dir.resolve("blank.pdf"), List.of(Scans.blank(300, LIGHT, 5)), 300);
        FileResult r = scanner(Policy.defaults()).check(blank);
        show("blank", r);
        assertTrue(r.marking().isEmpty());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("file.no-text") && f.severity() == Severity.ERROR),
                r.findings().toString());
        assertFalse(r.findings().isEmpty());
    }

    /**
     * A scan as an office scanner files it: the bundled example report stamped by our stamper, printed by
     * Ghostscript to a bilevel CCITT G4 TIFF at 200 dpi (the grey watermark dithered into dots) and kept as
     * an image-only PDF. Tesseract's orientation detection is unsure of such a page and guessed it sideways;
     * the mark sits beside the large title, which a whole-page reading swallowed it into.
     */
    @Test
    void aBilevelOfficeScanOfTheExampleReadsAsStamped() throws Exception {
        Path gs = ExternalTools.require("gs", "bilevel scans printed by Ghostscript");
        Path example = Path.of("..", "examples", "documents", "年度工作总结.pdf");
        assertTrue(Files.isRegularFile(example), example.toAbsolutePath().toString());
        Path stampedExample = Scans.stamped(example, dir.resolve("example.stamped.pdf"), StampCases.first());
        Path tiff = dir.resolve("example-g4.tif");
        Process p = new ProcessBuilder(gs.toString(), "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffg4",
                "-r200", "-dFirstPage=1", "-dLastPage=1", "-sOutputFile=" + tiff, stampedExample.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
        Path pdf = dir.resolve("example-g4.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = CCITTFactory.createFromFile(doc, tiff.toFile());
            PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / 200, image.getHeight() * 72f / 200));
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(pdf.toFile());
        }
        FileResult r = scanner(Policy.defaults()).check(pdf);
        show("bilevel G4 office scan", r);
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());
    }
}
