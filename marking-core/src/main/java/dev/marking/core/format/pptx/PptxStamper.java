package dev.marking.core.format.pptx;

import dev.marking.core.format.StampOptions;
import dev.marking.core.format.ooxml.OoxmlProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.openxmlformats.schemas.presentationml.x2006.main.CTSlideSize;
import org.w3c.dom.Element;

/**
 * Stamps an open presentation in memory (DESIGN §1.3). The running mark (top), the copy number (bottom
 * edge) and the watermark (diagonal, behind the content) go on every slide master, so every slide shows
 * them; a layout that hides its master's shapes ({@code showMasterSp="0"}) gets its own, and so does a
 * slide that hides its layout's and master's ("hide background graphics"). The GB/T 9704 block goes on
 * the first shown slide. Everything we add is a named shape (see {@link OurShapes}); a restamp removes
 * them from every slide, layout and master first.
 */
final class PptxStamper {

    /** Used when a presentation states no slide size: 4:3 at 10 × 7.5 inches. */
    private static final long DEFAULT_WIDTH = 9144000;
    private static final long DEFAULT_HEIGHT = 6858000;

    private final XMLSlideShow ppt;
    private final StampOptions options;
    private final long width;
    private final long height;

    private PptxStamper(XMLSlideShow ppt, StampOptions options) {
        this.ppt = ppt;
        this.options = options;
        CTSlideSize size = ppt.getCTPresentation().isSetSldSz() ? ppt.getCTPresentation().getSldSz() : null;
        this.width = size == null ? DEFAULT_WIDTH : size.getCx();
        this.height = size == null ? DEFAULT_HEIGHT : size.getCy();
    }

    static void stamp(XMLSlideShow ppt, StampOptions options) {
        new PptxStamper(ppt, options).apply();
    }

    private void apply() {
        for (XSLFSheet sheet : PptxSheets.all(ppt)) {
            OurShapes.removeAll(PptxSheets.spTree(sheet));
        }
        for (XSLFSlideMaster master : ppt.getSlideMasters()) {
            running(master);
            for (XSLFSlideLayout layout : master.getSlideLayouts()) {
                if (!layout.getFollowMasterGraphics()) {
                    running(layout);
                }
            }
        }
        List<XSLFSlide> slides = ppt.getSlides();
        for (XSLFSlide slide : slides) {
            if (!slide.getFollowMasterObjects()) {
                running(slide);
            }
        }
        Optional<XSLFSlide> first = slides.stream().filter(s -> !s.isHidden()).findFirst()
                .or(() -> slides.stream().findFirst());
        first.ifPresent(this::block);
        OoxmlProperties.write(ppt.getProperties(), options.metadata());
    }

    /** The running mark, copy number and watermark on one master, layout or slide. */
    private void running(XSLFSheet sheet) {
        Element tree = PptxSheets.spTree(sheet);
        if (options.watermark()) {
            OurShapes.insert(tree, OurShapes.watermark(OurShapes.nextId(tree), width, height,
                    options.marking().watermarkText()), true);
        }
        if (options.header()) {
            OurShapes.insert(tree, OurShapes.header(OurShapes.nextId(tree), width, height, options.marking().mark()), false);
        }
        Optional<String> footer = options.footerText().filter(f -> options.footer());
        if (footer.isPresent()) {
            OurShapes.insert(tree, OurShapes.footer(OurShapes.nextId(tree), width, height, footer.get()), false);
        }
    }

    private void block(XSLFSlide slide) {
        Element tree = PptxSheets.spTree(slide);
        List<String> lines = new ArrayList<>(options.firstPageBlock());
        int markLine = options.marking().copy().isPresent() ? 1 : 0;
        OurShapes.insert(tree, OurShapes.block(OurShapes.nextId(tree), width, height, lines, markLine), false);
    }
}
