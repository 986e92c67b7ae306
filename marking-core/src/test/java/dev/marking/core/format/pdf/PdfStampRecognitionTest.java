package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.TextBlock;
import dev.marking.core.text.Messages;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our stamp is recognised by its marked content or a Form XObject named with our key, and kept out of the body. */
class PdfStampRecognitionTest {

    @TempDir
    Path tmp;

    @Test
    void formXObjectNamedWithOurKeyIsAWatermark() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Body text")).build(tmp.resolve("in.pdf"), doc -> {
            PDPage page = doc.getPage(0);
            PDFormXObject form = new PDFormXObject(doc);
            form.setBBox(PDRectangle.A4);
            form.setResources(new PDResources());
            try (PDFormContentStream cs = new PDFormContentStream(form)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 40);
                cs.newLineAtOffset(100, 400);
                cs.showText("SECRET 5 years");
                cs.endText();
            }
            page.getResources().put(COSName.getPDFName("MarkingStampWatermark"), form);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.drawForm(form);
            }
        });
        ReadModel m = new PdfFormat().read(in);
        assertEquals(List.of("SECRET 5 years"), m.slots().get(0).watermarks());
        assertEquals(List.of("Body text"), m.body().stream().map(TextBlock::text).toList());
    }

    @Test
    void pageAppendedAfterStampingHasAnEmptySlot() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("One")).build(tmp.resolve("in.pdf"));
        Path out = tmp.resolve("out.pdf");
        new PdfFormat().stamp(in, out, PdfTestSupport.options());
        Path appended = tmp.resolve("appended.pdf");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(appended.toFile());
        }
        ReadModel m = new PdfFormat().read(appended);
        assertEquals(2, m.slots().size());
        assertEquals(1, m.slots().get(0).header().size());
        assertTrue(m.slots().get(1).header().isEmpty() && m.slots().get(1).watermarks().isEmpty(), "page 2 unstamped");
        assertEquals("page 2", m.slots().get(1).describe(Messages.forLang("en")));
    }

    @Test
    void foreignMarkedContentStaysInTheBody() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4()).build(tmp.resolve("in.pdf"), doc -> {
            try (PDPageContentStream cs = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND,
                    true)) {
                cs.beginMarkedContent(COSName.ARTIFACT);
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Someone else's artifact");
                cs.endText();
                cs.endMarkedContent();
            }
        });
        ReadModel m = new PdfFormat().read(in);
        assertEquals(List.of("Someone else's artifact"), m.body().stream().map(TextBlock::text).toList());
        assertTrue(m.slots().get(0).header().isEmpty());
    }
}
