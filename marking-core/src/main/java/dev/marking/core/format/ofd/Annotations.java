package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Page annotations ({@code Document/Annotations} → {@code Annotations.xml} → one {@code PageAnnot} file per
 * page): each annotation's type, whether it is shown, its remark and the objects its appearance draws.
 */
final class Annotations {

    /**
     * One annotation.
     *
     * @param type    {@code Watermark}, {@code Stamp}, {@code Link}, {@code Path}, {@code Highlight}
     * @param visible false for {@code Visible="false"}
     * @param remark  the annotation's remark, or ""
     * @param objects what its appearances draw, placed on the page
     */
    record Annot(String type, boolean visible, String remark, PageObjects objects) {
    }

    private final Map<String, List<Annot>> byPageId;

    private Annotations(Map<String, List<Annot>> byPageId) {
        this.byPageId = byPageId;
    }

    static Annotations of(OfdDocument doc) throws DocumentException {
        Map<String, List<Annot>> out = new HashMap<>();
        Optional<String> index = doc.documentPart("Annotations");
        Optional<Document> list = index.isEmpty() ? Optional.empty() : doc.part(index.get());
        if (list.isEmpty()) {
            return new Annotations(out);
        }
        for (Element page : OfdXml.children(list.get().getDocumentElement(), "Page")) {
            Optional<String> loc = OfdXml.childText(page, "FileLoc");
            if (loc.isEmpty()) {
                continue;
            }
            Optional<Document> annots = doc.part(doc.pkg.resolve(index.get(), loc.get()));
            if (annots.isEmpty()) {
                continue;
            }
            List<Annot> mine = out.computeIfAbsent(page.getAttribute("PageID"), k -> new ArrayList<>());
            for (Element a : OfdXml.children(annots.get().getDocumentElement(), "Annot")) {
                mine.add(annot(a));
            }
        }
        return new Annotations(out);
    }

    private static Annot annot(Element a) {
        PageObjects all = new PageObjects();
        for (Element appearance : OfdXml.children(a, "Appearance")) {
            double[] b = OfdXml.numbers(appearance.getAttribute("Boundary"));
            PageObjects one = b.length == 4 ? PageObjects.of(appearance, b[0], b[1]) : PageObjects.of(appearance);
            all.texts.addAll(one.texts);
            all.ink.addAll(one.ink);
        }
        boolean visible = !"false".equalsIgnoreCase(a.getAttribute("Visible").strip());
        return new Annot(a.getAttribute("Type"), visible, OfdXml.childText(a, "Remark").orElse(""), all);
    }

    /** The annotations of the page with {@code pageId}. */
    List<Annot> of(String pageId) {
        return byPageId.getOrDefault(pageId, List.of());
    }
}
