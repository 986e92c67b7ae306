package dev.marking.core.format.pdf;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** What a PDF carries that a reader does not see: attachments, document JavaScript, layers switched off. */
final class HiddenContent {

    private static final int MAX_NODES = 10_000;

    private HiddenContent() {
    }

    static List<HiddenItem> scan(PDDocument doc) {
        List<HiddenItem> out = new ArrayList<>();
        try {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names != null) {
                attachments(names.getEmbeddedFiles(), out);
                javascript(names.getJavaScript(), out);
            }
            hiddenLayers(doc, out);
        } catch (IOException | RuntimeException e) {
            // a damaged name tree hides nothing we could report; the rest of the model still stands
            return out;
        }
        return out;
    }

    private static void attachments(PDEmbeddedFilesNameTreeNode tree, List<HiddenItem> out) throws IOException {
        if (tree == null) {
            return;
        }
        for (Map.Entry<String, PDComplexFileSpecification> e : leaves(tree)) {
            String file = e.getValue() == null ? null : e.getValue().getFilename();
            out.add(new HiddenItem(HiddenKind.ATTACHMENT, file == null ? e.getKey() : file, Location.part("attachment")));
        }
    }

    private static void javascript(PDJavascriptNameTreeNode tree, List<HiddenItem> out) throws IOException {
        if (tree == null) {
            return;
        }
        for (Map.Entry<String, PDActionJavaScript> e : leaves(tree)) {
            String code = e.getValue() == null ? null : e.getValue().getAction();
            out.add(new HiddenItem(HiddenKind.JAVASCRIPT, code == null ? "" : code, Location.part("javascript")));
        }
    }

    /** All name-value pairs of a name tree (bounded depth guards against cyclic trees). */
    private static <T extends COSObjectable> List<Map.Entry<String, T>> leaves(PDNameTreeNode<T> root) throws IOException {
        List<Map.Entry<String, T>> out = new ArrayList<>();
        List<PDNameTreeNode<T>> todo = new ArrayList<>(List.of(root));
        for (int visited = 0; !todo.isEmpty() && visited < MAX_NODES; visited++) {
            PDNameTreeNode<T> node = todo.remove(todo.size() - 1);
            Map<String, T> names = node.getNames();
            if (names != null) {
                out.addAll(names.entrySet());
            }
            if (node.getKids() != null) {
                todo.addAll(node.getKids());
            }
        }
        return out;
    }

    private static void hiddenLayers(PDDocument doc, List<HiddenItem> out) {
        COSDictionary oc = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.OCPROPERTIES);
        COSDictionary d = oc == null ? null : oc.getCOSDictionary(COSName.D);
        COSArray off = d == null ? null : d.getCOSArray(COSName.OFF);
        if (off == null) {
            return;
        }
        for (int i = 0; i < off.size(); i++) {
            COSBase item = off.get(i);
            COSBase layer = item instanceof COSObject o ? o.getObject() : item;
            if (layer instanceof COSDictionary group) {
                String name = group.getString(COSName.NAME);
                out.add(new HiddenItem(HiddenKind.HIDDEN_LAYER, name == null ? "" : name, Location.part("layer")));
            }
        }
    }
}
