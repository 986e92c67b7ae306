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
 * Stamps an open document in memory (DESIGN §1.3): removes our previous stamp (also after another
 * program re-saved it) and any earlier marking typed by hand, then adds the first-page block, the
 * running header with the watermark, the copy-number footer and the metadata. What differs between
 * numbered copies comes from {@link CopyTexts}, so a template can stamp placeholders.
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
        List<Element> bodies = mergedBodies(document);
        for (Element body : bodies) {
            OurContent.removeAll(body);
        }
        for (Element story : RunningParts.all(doc)) {
            OurContent.removeAll(story);
            EarlierMarks.removeFromRunning(story);
        }
        EarlierMarks.replaceBlock(bodies.get(0), options.marking());
        if (options.watermark()) {
            WhiteFills.clear(bodies.get(0));
        }
        List<Sections.Section> sections = Sections.of(document);
        Sections.keepPrintable(sections);
        RunningParts.dropBlankFirstPage(doc, sections);
        float scale = sections.get(0).paperScale();
        StampStyles.declare(doc, scale);
        boolean numbered = options.marking().copy().isPresent();
        List<String> lines = new ArrayList<>(options.firstPageBlock());
        if (numbered) {
            lines.set(0, texts.copy());
        }
        OurContent.prependChildren(bodies.get(0), Fragments.block(lines, numbered ? 1 : 0, scale));
        if (options.header() || options.watermark()) {
            for (Element header : RunningParts.shown(doc, "header")) {
                OurContent.prependChildren(header, headerFragment(scale));
            }
        }
        if (options.footer() && numbered) {
            for (Element f : RunningParts.shown(doc, "footer")) {
                OurContent.prependChildren(f, Fragments.footer(texts.footer() + texts.covert(), scale));
            }
        }
        Map<String, String> metadata = options.metadata();
        metadata.computeIfPresent(MetadataKeys.COPY, (k, v) -> texts.copy());
        metadata.computeIfPresent(MetadataKeys.RECIPIENT, (k, v) -> texts.recipient());
        OoxmlProperties.write(doc.getProperties(), metadata);
        FontFallback.declareHeiti(doc);
    }

    /**
     * The document's one body. A document may hold several {@code w:body} elements (invalid, but POI and
     * Word open it); LibreOffice turns the extra ones into sections without headers on its next save,
     * which would drop our marks from their pages, so their content moves into the first body.
     */
    private static List<Element> mergedBodies(Element document) {
        List<Element> bodies = Wml.children(document).stream().filter(e -> Wml.isW(e, "body")).toList();
        Element first = bodies.get(0);
        for (Element extra : bodies.subList(1, bodies.size())) {
            Wml.childW(first, "sectPr").ifPresent(own -> {
                // the first body's section ends here: its properties move into a section-break paragraph
                OurContent.appendChildren(first, "<w:body xmlns:w=\"" + Wml.W + "\"><w:p><w:pPr/></w:p></w:body>");
                List<Element> children = Wml.children(first);
                Element pPr = Wml.childW(children.get(children.size() - 1), "pPr").orElseThrow();
                pPr.appendChild(own);
            });
            for (Element child : Wml.children(extra)) {
                first.appendChild(child);
            }
            document.removeChild(extra);
        }
        return List.of(first);
    }

    private String headerFragment(float scale) {
        String shape = options.watermark() ? watermarks.run(texts) : "";
        return options.header() ? Fragments.header(options.marking().mark() + texts.covert(), shape, scale)
                : Fragments.watermarkOnly(shape, texts.covert());
    }
}
