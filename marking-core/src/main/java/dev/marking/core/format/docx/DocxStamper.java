package dev.marking.core.format.docx;

import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.ooxml.OoxmlProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;

/**
 * Stamps an open document in memory (DESIGN §1.3): removes our previous stamp, then adds the
 * first-page block, the running header with the watermark, the copy-number footer and the metadata.
 * What differs between numbered copies comes from {@link CopyTexts}, so a template can stamp placeholders.
 */
final class DocxStamper {

    private final XWPFDocument doc;
    private final StampOptions options;
    private final CopyTexts texts;
    private final WatermarkShape watermarks = new WatermarkShape();

    private DocxStamper(XWPFDocument doc, StampOptions options, CopyTexts texts) {
        this.doc = doc;
        this.options = options;
        this.texts = texts;
    }

    static void stamp(XWPFDocument doc, StampOptions options) throws IOException {
        stamp(doc, options, CopyTexts.of(options));
    }

    static void stamp(XWPFDocument doc, StampOptions options, CopyTexts texts) throws IOException {
        new DocxStamper(doc, options, texts).apply();
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
        boolean numbered = options.marking().copy().isPresent();
        List<String> lines = new ArrayList<>(options.firstPageBlock());
        if (numbered) {
            lines.set(0, texts.copy());
        }
        OurContent.prepend(bodies.get(0), Fragments.block(lines, numbered ? 1 : 0));
        if (options.header() || options.watermark()) {
            for (Element header : RunningParts.shown(doc, "header")) {
                OurContent.prepend(header, headerFragment());
            }
        }
        if (options.footer() && numbered) {
            for (Element f : RunningParts.shown(doc, "footer")) {
                OurContent.prepend(f, Fragments.footer(texts.footer() + texts.covert()));
            }
        }
        Map<String, String> metadata = options.metadata();
        metadata.computeIfPresent(MetadataKeys.COPY, (k, v) -> texts.copy());
        metadata.computeIfPresent(MetadataKeys.RECIPIENT, (k, v) -> texts.recipient());
        OoxmlProperties.write(doc.getProperties(), metadata);
        FontFallback.declareHeiti(doc);
    }

    private String headerFragment() {
        String shape = options.watermark() ? watermarks.run(texts.watermark(), texts.watermarkHeight()) : "";
        return options.header() ? Fragments.header(options.marking().mark() + texts.covert(), shape)
                : Fragments.watermarkOnly(shape, texts.covert());
    }
}
