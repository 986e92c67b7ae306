package dev.marking.core.format.docx;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Text box contents ({@code w:txbxContent}) anchored in a run, each once, watermark shapes left out. */
final class TextBoxes {

    private TextBoxes() {
    }

    static List<Element> in(Element run) {
        List<Element> out = new ArrayList<>();
        collect(run, out);
        return out;
    }

    private static void collect(Element parent, List<Element> out) {
        for (Element e : Wml.children(parent)) {
            if (Wml.is(e, Wml.MC, "AlternateContent")) {
                // the VML fallback repeats the DrawingML choice
                Wml.child(e, Wml.MC, "Choice").ifPresent(c -> collect(c, out));
            } else if (Wml.isW(e, "txbxContent")) {
                out.add(e);
            } else if (!(Wml.is(e, Wml.WPS, "wsp") && Watermarks.isWatermarkShape(e))) {
                collect(e, out);
            }
        }
    }
}
