package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.Layout;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.StampStyle;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Message;
import dev.marking.core.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's PDF details: the watermark keeps its size for a long recipient, is drawn over a page-sized
 * stamp annotation, the layout modes, copies laid out like single stamps, the modification date, and
 * the file's signatures (usage rights removed with a note, a signed file updated incrementally with a
 * note, a certification that allows no change refused).
 */
class PdfStampDetailsTest {

    private final PdfFormat format = new PdfFormat();

    @TempDir
    Path tmp;

    @Test
    void aLongRecipientWrapsAndTheWatermarkKeepsItsSize() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Body")).build(tmp.resolve("in.pdf"));
        StampOptions base = PdfTestSupport.options();
        Path a = stamp(in, base.withMarking(base.marking().withRecipient("张三")), "a.pdf");
        Path b = stamp(in, base.withMarking(base.marking().withRecipient("国家某某研究院第三研究所第二研究室档案科")), "b.pdf");
        assertEquals(StampStyle.WATERMARK_PT, largestGlyph(a), 0.5f);
        assertEquals(StampStyle.WATERMARK_PT, largestGlyph(b), 0.5f, "the long name does not shrink the watermark");
        String watermark = format.read(b).slots().get(0).watermarks().get(0);
        assertTrue(watermark.contains("第000123份") && watermark.contains("国家某某研究院"), watermark);
    }

    @Test
    void theWatermarkIsDrawnOverAPageSizedStampAnnotation() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Body")).build(tmp.resolve("in.pdf"), doc -> {
            PDPage page = doc.getPage(0);
            PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
            stamp.setRectangle(page.getCropBox());
            PDAppearanceStream ap = new PDAppearanceStream(doc);
            ap.setBBox(page.getCropBox());
            try (PDPageContentStream c = new PDPageContentStream(doc, ap)) {
                c.setNonStrokingColor(1f, 1f, 1f);
                c.addRect(0, 0, page.getCropBox().getWidth(), page.getCropBox().getHeight());
                c.fill();
            }
            PDAppearanceDictionary d = new PDAppearanceDictionary();
            d.setNormalAppearance(ap);
            stamp.setAppearance(d);
            page.getAnnotations().add(stamp);
        });
        Path out = stamp(in, PdfTestSupport.options(), "out.pdf");
        BufferedImage image = StampPixels.page(out, 0);
        assertTrue(greyInTheMiddle(image) > 200, "the watermark shows over the white stamp annotation");
        assertEquals(1, format.read(out).slots().get(0).watermarks().size());
        Path again = stamp(out, PdfTestSupport.otherOptions(), "again.pdf");
        try (PDDocument doc = Loader.loadPDF(again.toFile())) {
            assertEquals(1, AnnotationWatermark.of(doc.getPage(0)).size(), "one watermark annotation after a restamp");
        }
        assertEquals(List.of(PdfTestSupport.squash(PdfTestSupport.otherOptions().marking().watermarkText())),
                format.read(again).slots().get(0).watermarks().stream().map(PdfTestSupport::squash).toList());
    }

    @Test
    void layoutModes() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Body")).page(PdfFixtures.Page.a4("Two"))
                .build(tmp.resolve("in.pdf"));
        List<Message> keep = new ArrayList<>();
        Path kept = tmp.resolve("keep.pdf");
        format.stamp(in, kept, PdfTestSupport.options(), keep::add);
        assertEquals(List.of(), keep, "a page with room is left as it is");
        assertFalse(StampPixels.shrunk(kept, 0));
        List<Message> shrink = new ArrayList<>();
        Path shrunk = tmp.resolve("shrink.pdf");
        format.stamp(in, shrunk, PdfTestSupport.options().withLayout(Layout.SHRINK), shrink::add);
        assertTrue(StampPixels.shrunk(shrunk, 0) && StampPixels.shrunk(shrunk, 1), "every page shrunk");
        assertEquals("stamp.shrunk-all", shrink.get(0).key());
        Path over = tmp.resolve("overlay.pdf");
        format.stamp(in, over, PdfTestSupport.options().withLayout(Layout.OVERLAY));
        assertFalse(StampPixels.shrunk(over, 0));
    }

    @Test
    void copiesLandInTheSameFreePlacesAsASingleStamp() throws Exception {
        Path source = Path.of("../examples/documents/年度工作总结.pdf");
        PreparedSource prepared = format.prepare(source, List.of());
        for (int n : new int[] {1, 2}) {
            StampOptions options = PdfTestSupport.options();
            options = options.withMarking(options.marking().withCopy(new CopyNumber(n)));
            Path copy = tmp.resolve("copy" + n + ".pdf");
            List<Message> notes = new ArrayList<>();
            prepared.stamp(copy, options, notes::add);
            assertTrue(notes.stream().anyMatch(m -> m.key().equals("stamp.moved")), "each copy says what was done: " + notes);
            Path single = tmp.resolve("single" + n + ".pdf");
            format.stamp(source, single, options);
            for (int p = 0; p < 2; p++) {
                assertEquals(0, StampPixels.overlap(StampPixels.marks(copy, p), StampPixels.content(copy, p)));
                assertEquals(0, StampPixels.differing(StampPixels.page(single, p), StampPixels.page(copy, p)),
                        "copy " + n + " page " + (p + 1) + " looks exactly like the single stamp");
            }
        }
    }

    @Test
    void theModificationDateIsNowInInfoAndXmp() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Body")).build(tmp.resolve("in.pdf"));
        long before = System.currentTimeMillis() - 2000;
        Path out = stamp(in, PdfTestSupport.options(), "out.pdf");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            Calendar modified = doc.getDocumentInformation().getModificationDate();
            assertNotNull(modified);
            assertTrue(modified.getTimeInMillis() >= before, "ModDate is the stamp's time");
            String xmp;
            try (InputStream x = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                xmp = new String(x.readAllBytes(), StandardCharsets.UTF_8);
            }
            String iso = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .format(modified.toInstant().atOffset(java.time.ZoneOffset.UTC));
            assertTrue(xmp.contains(iso), "xmp:ModifyDate agrees with Info: " + iso + " in " + xmp);
        }
    }

    @Test
    void usageRightsAreRemovedWithANote() throws Exception {
        Path source = Corpus.file("pdf/plumber_pr-138-example.pdf");
        List<Message> notes = new ArrayList<>();
        Path out = tmp.resolve("out.pdf");
        format.stamp(source, out, PdfTestSupport.options(), notes::add);
        assertTrue(notes.contains(Message.of("stamp.usage-rights-removed")), notes.toString());
        try (PDDocument doc = Loader.loadPDF(out.toFile(), "")) {
            var perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            assertTrue(perms == null || !perms.containsKey(COSName.getPDFName("UR3")), "no stale UR3 left");
        }
        if (PdfTestSupport.tool("pdfsig")) {
            PdfTestSupport.Result r = PdfTestSupport.run(List.of("pdfsig", out.toString()));
            assertFalse(r.output().contains("Signature is Invalid"), r.output());
        }
        PdfCorpusTest.assertQpdfCheck(out);
    }

    @Test
    void aSignedFileIsUpdatedIncrementallyWithANote() throws Exception {
        Path plain = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Signed body")).build(tmp.resolve("p.pdf"));
        Path signed = tmp.resolve("signed.pdf");
        try (PDDocument doc = Loader.loadPDF(plain.toFile()); var o = Files.newOutputStream(signed)) {
            var sig = new org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature();
            sig.setFilter(org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setSignDate(Calendar.getInstance());
            doc.addSignature(sig, content -> new byte[64]);
            doc.saveIncremental(o);
        }
        List<Message> notes = new ArrayList<>();
        Path out = tmp.resolve("out.pdf");
        format.stamp(signed, out, PdfTestSupport.options(), notes::add);
        assertTrue(notes.contains(Message.of("stamp.signed-incremental")), notes.toString());
        byte[] before = Files.readAllBytes(signed);
        assertArrayEquals(before, java.util.Arrays.copyOf(Files.readAllBytes(out), before.length), "signed revision kept");
    }

    @Test
    void aCertificationThatAllowsNoChangeIsRefusedAndTheFileUntouched() throws Exception {
        Path source = Corpus.file("pdf/plumber_federal-register-2020-17221.pdf");
        String hash = PdfTestSupport.sha256(source);
        Path out = tmp.resolve("out.pdf");
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(source, out, PdfTestSupport.options()));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertFalse(Files.exists(out));
        assertEquals(hash, PdfTestSupport.sha256(source));
        if (PdfTestSupport.tool("pdfsig")) {
            assertTrue(PdfTestSupport.run(List.of("pdfsig", source.toString())).output().contains("Signature is Valid"));
        }
    }

    private Path stamp(Path in, StampOptions options, String name) throws Exception {
        Path out = tmp.resolve(name);
        format.stamp(in, out, options);
        return out;
    }

    /** The largest glyph size on page 1 (the watermark's). */
    private static float largestGlyph(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            float[] max = {0};
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    max[0] = Math.max(max[0], text.getFontSizeInPt());
                }
            };
            s.writeText(doc, new StringWriter());
            return max[0];
        }
    }

    /** Light grey pixels (the translucent watermark on white) in the middle fifth of the page. */
    private static int greyInTheMiddle(BufferedImage image) {
        int n = 0;
        for (int y = image.getHeight() * 2 / 5; y < image.getHeight() * 3 / 5; y++) {
            for (int x = image.getWidth() * 2 / 5; x < image.getWidth() * 3 / 5; x++) {
                int l = StampPixels.luma(image.getRGB(x, y));
                n += l > 150 && l < 245 ? 1 : 0;
            }
        }
        return n;
    }
}
