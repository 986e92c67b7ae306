package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.redaction.FakeRedactionRule;
import dev.marking.core.text.Messages;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fake redaction in PDFs built in code (issue 4): each case names the covered-text (or earlier-revision)
 * items the adapter must report, as {@code part:text}; the negative cases must report none.
 */
class PdfRedactionTest {

    private static final String SECRET = "Unit 31681 at Base Nine";
    private static final float X = 60;
    private static final float Y = 700;

    private final PdfFormat format = new PdfFormat();

    @TempDir
    Path tmp;

    /** Draws on one A4 page. */
    @FunctionalInterface
    interface Drawing {
        void draw(PDDocument doc, PDPage page, PDPageContentStream cs) throws IOException;
    }

    private Path pdf(Drawing drawing) throws IOException {
        Path file = tmp.resolve("f" + System.nanoTime() + ".pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                drawing.draw(doc, page, cs);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void text(PDPageContentStream cs, String s, float x, float y, Color colour) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static void box(PDPageContentStream cs, Color colour, float x, float y, float w, float h) throws IOException {
        cs.setNonStrokingColor(colour);
        cs.addRect(x, y, w, h);
        cs.fill();
    }

    /** An annotation of {@code subtype} over the secret line, with colour entry {@code key}. */
    private static PDAnnotation annotation(String subtype, COSName key, float... colour) throws IOException {
        COSDictionary d = new COSDictionary();
        d.setName(COSName.TYPE, "Annot");
        d.setName(COSName.SUBTYPE, subtype);
        COSArray c = new COSArray();
        for (float v : colour) {
            c.add(new COSFloat(v));
        }
        d.setItem(key, c);
        PDAnnotation a = PDAnnotation.createAnnotation(d);
        a.setRectangle(new PDRectangle(X - 2, Y - 4, 160, 16));
        return a;
    }

    /** The redaction items of the file, as {@code part:text}. */
    private List<String> covered(Path file) throws Exception {
        return format.read(file).hidden().stream()
                .filter(h -> Set.of(HiddenKind.COVERED_TEXT, HiddenKind.EARLIER_REVISION).contains(h.kind()))
                .map(h -> h.location().part() + ":" + h.text() + "@" + h.location().page()).toList();
    }

    @Test
    void positiveTextUnderALaterBlackBox() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Visible heading", X, Y + 40, Color.BLACK);
            text(cs, SECRET, X, Y, Color.BLACK);
            box(cs, Color.BLACK, X - 2, Y - 4, 160, 16);
        });
        assertEquals(List.of("under-box:" + SECRET + "@1"), covered(f));
        HiddenItem item = format.read(f).hidden().get(0);
        assertEquals(HiddenKind.COVERED_TEXT, item.kind());
    }

    @Test
    void positiveTextUnderALaterWhiteBox() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, SECRET, X, Y, Color.BLACK);
            box(cs, Color.WHITE, X - 2, Y - 4, 160, 16);
        });
        assertEquals(List.of("under-box:" + SECRET + "@1"), covered(f));
    }

    @Test
    void negativeWhiteTextOnTopOfABlackBox() throws Exception {
        Path f = pdf((d, p, cs) -> {
            box(cs, Color.BLACK, X - 2, Y - 4, 160, 16);
            text(cs, SECRET, X, Y, Color.WHITE);
        });
        assertEquals(List.of(), covered(f));
    }

    @Test
    void negativeTranslucentOrMultipliedBoxesLeaveTextReadable() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, SECRET, X, Y, Color.BLACK);
            text(cs, "Second line", X, Y - 40, Color.BLACK);
            cs.saveGraphicsState();
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(0.3f);
            cs.setGraphicsStateParameters(translucent);
            box(cs, Color.BLACK, X - 2, Y - 4, 160, 16);
            cs.restoreGraphicsState();
            PDExtendedGraphicsState multiply = new PDExtendedGraphicsState();
            multiply.setBlendMode(BlendMode.MULTIPLY);
            cs.setGraphicsStateParameters(multiply);
            box(cs, Color.WHITE, X - 2, Y - 44, 160, 16);
        });
        assertEquals(List.of(), covered(f));
    }

    @Test
    void negativeWhiteBoxOverWhitespace() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Left", X, Y, Color.BLACK);
            text(cs, "Right", X + 200, Y, Color.BLACK);
            box(cs, Color.WHITE, X + 60, Y - 4, 100, 16);
        });
        assertEquals(List.of(), covered(f));
    }

    @Test
    void negativeTableCellBackgroundDrawnBeforeText() throws Exception {
        Path f = pdf((d, p, cs) -> {
            box(cs, new Color(0xDD, 0xEE, 0xFF), X - 2, Y - 4, 160, 16);
            text(cs, SECRET, X, Y, Color.BLACK);
            cs.setStrokingColor(Color.BLACK);
            cs.addRect(X - 2, Y - 4, 160, 16);
            cs.stroke();
        });
        assertEquals(List.of(), covered(f));
    }

    @Test
    void positiveBlackTextOnABlackBox() throws Exception {
        Path f = pdf((d, p, cs) -> {
            box(cs, Color.BLACK, X - 2, Y - 4, 160, 16);
            text(cs, SECRET, X, Y, Color.BLACK);
        });
        assertEquals(List.of("same-colour:" + SECRET + "@1"), covered(f));
    }

    @Test
    void positiveWhiteTextOnTheWhitePage() throws Exception {
        Path f = pdf((d, p, cs) -> text(cs, SECRET, X, Y, Color.WHITE));
        assertEquals(List.of("same-colour:" + SECRET + "@1"), covered(f));
    }

    @Test
    void positiveInvisibleTextWithoutAnImage() throws Exception {
        Path f = pdf((d, p, cs) -> {
            cs.setRenderingMode(RenderingMode.NEITHER);
            text(cs, SECRET, X, Y, Color.BLACK);
        });
        assertEquals(List.of("invisible-text:" + SECRET + "@1"), covered(f));
    }

    @Test
    void negativeInvisibleTextOverAScannedImageIsAnOcrLayer() throws Exception {
        Path f = pdf((d, p, cs) -> {
            var img = new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
            PDImageXObject x = LosslessFactory.createFromImage(d, img);
            cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            cs.setRenderingMode(RenderingMode.NEITHER);
            text(cs, SECRET, X, Y, Color.BLACK);
        });
        assertEquals(List.of(), covered(f));
    }

    @Test
    void positiveTextOutsideTheCropBox() throws Exception {
        Path f = pdf((d, p, cs) -> {
            p.setCropBox(new PDRectangle(0, 0, 595, 600));
            text(cs, "Inside", X, 500, Color.BLACK);
            text(cs, SECRET, X, Y, Color.BLACK);
        });
        assertEquals(List.of("outside-crop-box:" + SECRET + "@1"), covered(f));
    }

    @Test
    void positiveTextClippedAway() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Shown", X, 500, Color.BLACK);
            cs.saveGraphicsState();
            cs.addRect(0, 0, 595, 600);
            cs.clip();
            text(cs, SECRET, X, Y, Color.BLACK);
            cs.restoreGraphicsState();
        });
        assertEquals(List.of("clipped:" + SECRET + "@1"), covered(f));
    }

    @Test
    void positiveBlackHighlightAnnotationOverText() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, SECRET, X, Y, Color.BLACK);
            p.getAnnotations().add(annotation("Highlight", COSName.C, 0, 0, 0));
        });
        assertEquals(List.of("under-annotation:" + SECRET + "@1"), covered(f));
    }

    @Test
    void negativeYellowHighlightAndHollowSquare() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, SECRET, X, Y, Color.BLACK);
            p.getAnnotations().add(annotation("Highlight", COSName.C, 1, 1, 0));
            p.getAnnotations().add(annotation("Square", COSName.C, 0, 0, 0));
        });
        assertEquals(List.of(), covered(f));
    }

    @Test
    void positiveFilledSquareAnnotationOverText() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, SECRET, X, Y, Color.BLACK);
            p.getAnnotations().add(annotation("Square", COSName.IC, 0));
        });
        assertEquals(List.of("under-annotation:" + SECRET + "@1"), covered(f));
    }

    @Test
    void positiveUnappliedRedactAnnotation() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Kept", X, Y + 40, Color.BLACK);
            text(cs, SECRET, X, Y, Color.BLACK);
            p.getAnnotations().add(annotation("Redact", COSName.IC, 0));
        });
        assertEquals(List.of("redact-annotation:" + SECRET + "@1"), covered(f));
    }

    @Test
    void positiveIncrementalUpdateThatRemovedALine() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Line kept", X, Y + 40, Color.BLACK);
            text(cs, SECRET, X, Y, Color.BLACK);
        });
        Path updated = tmp.resolve("updated.pdf");
        try (PDDocument doc = Loader.loadPDF(f.toFile()); OutputStream out = Files.newOutputStream(updated)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.OVERWRITE, false)) {
                text(cs, "Line kept", X, Y + 40, Color.BLACK);
            }
            doc.saveIncremental(out, Set.of(page.getCOSObject()));
        }
        assertEquals(List.of(), covered(f), "the first revision alone has nothing hidden");
        assertEquals(List.of("earlier-revision:" + SECRET + "@1"), covered(updated));
    }

    @Test
    void negativeOurOwnStampAndARestamp() throws Exception {
        Path f = pdf((d, p, cs) -> text(cs, "Plain page", X, Y, Color.BLACK));
        Path stamped = tmp.resolve("stamped.pdf");
        format.stamp(f, stamped, PdfTestSupport.options());
        assertEquals(List.of(), covered(stamped));
        Path again = tmp.resolve("again.pdf");
        format.stamp(stamped, again, PdfTestSupport.otherOptions());
        assertEquals(List.of(), covered(again));
    }

    @Test
    void metadataThatNamesPeopleAndToolsIsAProperty() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Plain page", X, Y, Color.BLACK);
            d.getDocumentInformation().setAuthor("Zhang San");
            d.getDocumentInformation().setCreator("Writer");
            d.getDocumentInformation().setProducer("Writer");
        });
        assertEquals(List.of("metadata:Author:Zhang San", "metadata:Creator:Writer"), format.read(f).hidden().stream()
                .filter(h -> h.kind() == HiddenKind.PROPERTY).map(h -> h.location().part() + ":" + h.text()).toList());
        Path plain = pdf((d, p, cs) -> text(cs, "Plain page", X, Y, Color.BLACK));
        assertEquals(List.of(), format.read(plain).hidden());
    }

    /** redaction.fake on a built PDF, as evidence texts. */
    private List<String> fakeRedaction(Path file) throws Exception {
        ReadModel model = format.read(file);
        RuleContext context = new RuleContext(model, MarkingEvidence.of(model, MarkingParser.standard()),
                LocalDate.of(2026, 11, 30), Messages.forLang("en"));
        return new FakeRedactionRule().check(context).stream().map(Finding::evidence).toList();
    }

    /** Issue 16 (x-ray's negative cases): a box's own label under it, or leader dots, leak nothing. */
    @Test
    void negativeTheLabelWordUnderACorrectRedactionBox() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Visible heading", X, Y + 40, Color.BLACK);
            text(cs, "Privileged", X, Y, Color.BLACK);
            box(cs, Color.BLACK, X - 2, Y - 4, 160, 16);
            text(cs, "[REDACTED]", X, Y - 40, Color.BLACK);
            box(cs, Color.BLACK, X - 2, Y - 44, 160, 16);
        });
        assertEquals(List.of("under-box:Privileged [REDACTED]@1"), covered(f), "the adapter still sees the covered words");
        assertEquals(List.of(), fakeRedaction(f));
    }

    @Test
    void negativeInvisibleLeaderDotsAndWhiteBoxOverWhitespace() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Chapter 1", X, Y, Color.BLACK);
            cs.setRenderingMode(RenderingMode.NEITHER);
            text(cs, "..........................", X + 60, Y, Color.BLACK);
            cs.setRenderingMode(RenderingMode.FILL);
            text(cs, "5", X + 300, Y, Color.BLACK);
            text(cs, "Left", X, Y - 40, Color.BLACK);
            text(cs, "Right", X + 200, Y - 40, Color.BLACK);
            box(cs, Color.WHITE, X + 60, Y - 44, 100, 16);
        });
        assertEquals(List.of(), fakeRedaction(f));
    }

    @Test
    void positiveRealTextUnderABoxStillFiresEvenBesideALabel() throws Exception {
        Path f = pdf((d, p, cs) -> {
            text(cs, "Privileged: " + SECRET, X, Y, Color.BLACK);
            box(cs, Color.BLACK, X - 2, Y - 4, 260, 16);
            text(cs, "XXXXXXXX", X, Y - 40, Color.BLACK);
            box(cs, Color.BLACK, X - 2, Y - 44, 160, 16);
        });
        assertEquals(List.of("Privileged: " + SECRET + " XXXXXXXX"), fakeRedaction(f));
    }
}
