package dev.marking.core.format.docx;

import dev.marking.core.format.StampOptions;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;

/**
 * Stamps an open document in memory (DESIGN §1.3): removes our previous stamp, then adds the
 * first-page block, the running header with the watermark, the copy-number footer and the metadata.
 */
final class DocxStamper {

    private final XWPFDocument doc;
    private final StampOptions options;
    private final WatermarkShape watermarks = new WatermarkShape();

    private DocxStamper(XWPFDocument doc, StampOptions options) {
        this.doc = doc;
        this.options = options;
    }

    static void stamp(XWPFDocument doc, StampOptions options) throws IOException {
        new DocxStamper(doc, options).apply();
    }

    private void apply() throws IOException {
        Element document = DocxReader.documentElement(doc);
        List<Element> bodies = Wml.children(document).stream().filter(e -> Wml.isW(e, "body")).toList();
        for (Element body : bodies) {
            OurContent.removeAll(body);
        }
        for (Element story : RunningParts.all(doc)) {
            OurContent.removeAll(story);
        }
        List<String> lines = options.firstPageBlock();
        int markLine = options.marking().copy().isPresent() ? 1 : 0;
        OurContent.prepend(bodies.get(0), Fragments.block(lines, markLine));
        if (options.header() || options.watermark()) {
            for (Element header : RunningParts.shown(doc, "header")) {
                OurContent.prepend(header, headerFragment());
            }
        }
        Optional<String> footer = options.footer() ? options.footerText() : Optional.empty();
        if (footer.isPresent()) {
            for (Element f : RunningParts.shown(doc, "footer")) {
                OurContent.prepend(f, Fragments.footer(footer.get()));
            }
        }
        DocxProperties.write(doc, options.metadata());
        FontFallback.declareHeiti(doc);
    }

    private String headerFragment() {
        String shape = options.watermark() ? watermarks.run(options.marking().watermarkText()) : "";
        return options.header() ? Fragments.header(options.marking().mark(), shape) : Fragments.watermarkOnly(shape);
    }
}
