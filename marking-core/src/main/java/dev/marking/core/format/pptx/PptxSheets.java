package dev.marking.core.format.pptx;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGroupShape;
import org.w3c.dom.Element;

/** The masters, layouts and slides of a presentation, and the shape tree each one draws. */
final class PptxSheets {

    private PptxSheets() {
    }

    /** Every master, its layouts, then every slide. */
    static List<XSLFSheet> all(XMLSlideShow ppt) {
        List<XSLFSheet> out = new ArrayList<>();
        for (XSLFSlideMaster m : ppt.getSlideMasters()) {
            out.add(m);
            out.addAll(List.of(m.getSlideLayouts()));
        }
        out.addAll(ppt.getSlides());
        return out;
    }

    /** The {@code p:spTree} element of a master, layout or slide. */
    static Element spTree(XSLFSheet sheet) {
        CTGroupShape tree;
        if (sheet instanceof XSLFSlide s) {
            tree = s.getXmlObject().getCSld().getSpTree();
        } else if (sheet instanceof XSLFSlideLayout l) {
            tree = l.getXmlObject().getCSld().getSpTree();
        } else if (sheet instanceof XSLFSlideMaster m) {
            tree = m.getXmlObject().getCSld().getSpTree();
        } else {
            throw new IllegalArgumentException("not a slide, layout or master: " + sheet);
        }
        return (Element) tree.getDomNode();
    }
}
