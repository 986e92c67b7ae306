package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import java.time.LocalDate;
import java.util.List;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Watermark shapes in header XML: VML WordArt, DrawingML WordArt, named shapes; ordinary text boxes are not. */
class WatermarksTest {

    private static final String NS = "xmlns:w=\"" + Wml.W + "\" xmlns:v=\"" + Wml.V + "\" xmlns:wp=\"" + Wml.WP
            + "\" xmlns:a=\"" + Wml.A + "\" xmlns:wps=\"" + Wml.WPS + "\" xmlns:mc=\"" + Wml.MC + "\" xmlns:o=\"" + Wml.O
            + "\" xmlns:w10=\"urn:schemas-microsoft-com:office:word\"";

    private static Element header(String body) throws Exception {
        Document d = (Document) XmlObject.Factory.parse("<w:hdr " + NS + ">" + body + "</w:hdr>").getDomNode();
        return d.getDocumentElement();
    }

    private static String wsp(String name, String warp, String text) {
        return "<w:p><w:r><w:drawing><wp:anchor behindDoc=\"1\"><wp:docPr id=\"1\" name=\"" + name + "\"/>"
                + "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>" + text
                + "</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr>" + warp + "</wps:bodyPr></wps:wsp>"
                + "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>";
    }

    @Test
    void vmlTextPath() throws Exception {
        Element h = header("<w:p><w:r><w:pict><v:shape><v:textpath string=\"机密★5年\"/></v:shape></w:pict></w:r></w:p>");
        assertEquals(List.of("机密★5年"), Watermarks.texts(h));
    }

    @Test
    void drawingMlWordArtAndNamedShapesButNotTextBoxes() throws Exception {
        Element h = header(wsp("WordArt 1", "<a:prstTxWarp prst=\"textPlain\"/>", "秘密")
                + wsp("PowerPlusWaterMarkObject2", "", "绝密") + wsp("Text Box 3", "", "页眉文字"));
        assertEquals(List.of("秘密", "绝密"), Watermarks.texts(h));
        PartReader r = PartReader.story("header:default", 1).read(h);
        assertEquals(List.of("页眉文字"), r.blocks().stream().map(b -> b.text()).toList(),
                "an ordinary text box is header text, watermark shapes are not");
    }

    @Test
    void fallbackCountsOnlyWhenTheChoiceHasNone() throws Exception {
        String vml = "<w:pict><v:shape><v:textpath string=\"机密\"/></v:shape></w:pict>";
        Element both = header("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
                + wsp("WordArt", "<a:prstTxWarp prst=\"textPlain\"/>", "机密") + "</mc:Choice><mc:Fallback>" + vml
                + "</mc:Fallback></mc:AlternateContent></w:r></w:p>");
        assertEquals(List.of("机密"), Watermarks.texts(both));
        assertTrue(Watermarks.texts(header("<w:p/>")).isEmpty());
    }

    @Test
    void aShapeWhoseTypeItsPartDoesNotDefineIsNotDrawn() throws Exception {
        String shape = "<v:shape type=\"#_x0000_t136\"%s><v:textpath string=\"机密★5年\"/></v:shape>";
        String type = "<v:shapetype id=\"_x0000_t136\" o:spt=\"136\" path=\"m@7,l@8,m@5,21600l@6,21600e\"/>";
        assertEquals(List.of(), Watermarks.texts(header(pict(String.format(shape, "")))),
                "the shape type is defined in another part only (LibreOffice's save): not drawn");
        assertEquals(List.of("机密★5年"), Watermarks.texts(header(pict(type + String.format(shape, "")))));
        assertEquals(List.of("机密★5年"), Watermarks.texts(header(pict(String.format(shape, "")) + pict(type))),
                "a shape type anywhere in the part counts");
        assertEquals(List.of("机密★5年"), Watermarks.texts(header(pict(String.format(shape, " o:spt=\"136\"")))),
                "a shape with a preset geometry of its own");
        assertEquals(List.of("机密★5年"), Watermarks.texts(header(pict(String.format(shape, " path=\"m0,0l21600,0e\"")))),
                "a shape with a path of its own");
    }

    private static String pict(String vml) {
        return "<w:p><w:r><w:pict>" + vml + "</w:pict></w:r></w:p>";
    }

    @Test
    void ourOutlineShapeIsReadByItsDescriptionAndNotAsAltText() throws Exception {
        Marking marking = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5));
        String run = new WatermarkShape().run(CopyTexts.of(StampOptions.all(marking, "d", LocalDate.of(2026, 12, 1))));
        Element h = header("<w:p>" + run + "</w:p>");
        assertEquals(List.of("机密★5年"), Watermarks.texts(h), "the DrawingML choice, not the VML fallback as well");
        PartReader r = PartReader.story("header:default", 1).read(h);
        assertTrue(r.hidden().isEmpty(), "the description is the watermark's text, not hidden alt text: " + r.hidden());
    }
}
