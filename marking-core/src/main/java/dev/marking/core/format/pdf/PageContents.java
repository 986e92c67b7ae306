package dev.marking.core.format.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.util.Matrix;

/**
 * Adds our stamp to a page's {@code /Contents} and takes it away again. The stamp is a pair of streams
 * tagged {@code /MarkingStamp true}: a leading {@code q} and a trailing {@code Q …stamp…}, so the
 * page's own content runs in a saved graphics state and is not affected. Removal drops tagged streams
 * and, when a tool merged streams, cuts our marked-content sequences out of the rest.
 */
final class PageContents {

    private PageContents() {
    }

    /** Appends {@code stamp} (operators in a clean graphics state) to the page; the content stays as it is. */
    static void append(PDDocument doc, PDPage page, byte[] stamp) throws IOException {
        append(doc, page, new byte[0], new Matrix(), stamp);
    }

    /**
     * Puts {@code under} (self-contained operators) before the page's content, draws the content through
     * {@code shrink} ({@code cm}; identity leaves it as it is) and appends {@code stamp} (operators in a
     * clean graphics state). Content that leaves graphics states open ({@code q} without {@code Q},
     * common in real files) gets them closed first, so the stamp starts from the page's initial state.
     */
    static void append(PDDocument doc, PDPage page, byte[] under, Matrix shrink, byte[] stamp) throws IOException {
        int open = unclosedSaves(page);
        COSArray contents = new COSArray();
        StringBuilder lead = new StringBuilder("q\n");
        if (!shrink.createAffineTransform().isIdentity()) {
            lead.append(String.format(java.util.Locale.ROOT, "%.6f %.6f %.6f %.6f %.4f %.4f cm\n", shrink.getScaleX(),
                    shrink.getShearY(), shrink.getShearX(), shrink.getScaleY(), shrink.getTranslateX(),
                    shrink.getTranslateY()));
        }
        byte[] leadBytes = lead.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] first = Arrays.copyOf(under, under.length + 1 + leadBytes.length);
        first[under.length] = '\n';
        System.arraycopy(leadBytes, 0, first, under.length + 1, leadBytes.length);
        contents.add(tagged(doc, first));
        for (COSBase item : current(page)) {
            contents.add(item);
        }
        byte[] restore = "Q\n".repeat(open + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = Arrays.copyOf(restore, restore.length + stamp.length);
        System.arraycopy(stamp, 0, suffix, restore.length, stamp.length);
        contents.add(tagged(doc, suffix));
        page.getCOSObject().setItem(COSName.CONTENTS, contents);
    }

    /** How many {@code q} the page's content leaves without a matching {@code Q} ({@link SaveCounter}). */
    private static int unclosedSaves(PDPage page) throws IOException {
        if (!page.hasContents()) {
            return 0;
        }
        try (InputStream in = page.getContents()) {
            return SaveCounter.unclosed(in);
        }
    }

    /**
     * Takes the earlier markings off {@code doc} before it is laid out and stamped: our stamp from every page, and an
     * earlier marking typed at the top of page 1 ({@link EarlierPdfBlock}), which the outcome describes.
     */
    static Optional<EarlierPdfBlock.Outcome> removeEarlierMarkings(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            remove(page);
        }
        return EarlierPdfBlock.remove(doc);
    }

    /** Removes every trace of an earlier stamp from the page; true when there was one. */
    static boolean remove(PDPage page) throws IOException {
        boolean found = false;
        COSArray kept = new COSArray();
        for (COSBase item : current(page)) {
            COSBase stream = item instanceof COSObject o ? o.getObject() : item;
            if (stream instanceof COSStream s && s.getBoolean(StampRole.MARKER, false)) {
                found = true;
                continue;
            }
            if (stream instanceof COSStream s) {
                found |= cutMarkedSequences(s);
            }
            kept.add(item);
        }
        if (found) {
            page.getCOSObject().setItem(COSName.CONTENTS, kept);
            removeResources(page.getResources());
        }
        return PageShrink.undo(page) | AnnotationWatermark.remove(page) | found;
    }

    /** The page's content streams (or references to them), in order. */
    static List<COSBase> current(PDPage page) {
        COSBase contents = page.getCOSObject().getItem(COSName.CONTENTS);
        COSBase resolved = contents instanceof COSObject o ? o.getObject() : contents;
        List<COSBase> items = new ArrayList<>();
        if (resolved instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                items.add(array.get(i));
            }
        } else if (resolved instanceof COSStream) {
            items.add(contents);
        }
        return items;
    }

    private static COSStream tagged(PDDocument doc, byte[] data) throws IOException {
        COSStream s = doc.getDocument().createCOSStream();
        try (OutputStream out = s.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(data);
        }
        s.setItem(StampRole.MARKER, COSBoolean.TRUE);
        return s;
    }

    /** Rewrites a stream that contains our marked content (merged by another tool) without it. */
    private static boolean cutMarkedSequences(COSStream stream) throws IOException {
        byte[] raw;
        try (InputStream in = stream.createInputStream()) {
            raw = in.readAllBytes();
        }
        if (!new String(raw, StandardCharsets.ISO_8859_1).contains(StampRole.KEY)) {
            return false;
        }
        List<Object> tokens = new PDFStreamParser(raw).parse();
        List<Object> out = new ArrayList<>(tokens.size());
        List<Object> operands = new ArrayList<>();
        int depth = 0;
        int ourDepth = -1;
        boolean cut = false;
        for (Object t : tokens) {
            if (!(t instanceof Operator op)) {
                operands.add(t);
                continue;
            }
            String name = op.getName();
            if ("BDC".equals(name) || "BMC".equals(name)) {
                depth++;
                if (ourDepth < 0 && isOurs(operands)) {
                    ourDepth = depth;
                    cut = true;
                }
            }
            if (ourDepth < 0) {
                out.addAll(operands);
                out.add(op);
            }
            if ("EMC".equals(name)) {
                if (depth == ourDepth) {
                    ourDepth = -1;
                }
                depth = Math.max(0, depth - 1);
            }
            operands.clear();
        }
        if (cut) {
            try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
                new ContentStreamWriter(o).writeTokens(out);
            }
        }
        return cut;
    }

    private static boolean isOurs(List<Object> operands) {
        return operands.size() == 2 && operands.get(1) instanceof COSDictionary d && StampRole.of(d).isPresent();
    }

    private static void removeResources(PDResources resources) {
        if (resources == null) {
            return;
        }
        for (COSName kind : List.of(COSName.FONT, COSName.EXT_G_STATE, COSName.XOBJECT)) {
            if (resources.getCOSObject().getDictionaryObject(kind) instanceof COSDictionary d) {
                for (COSName key : new ArrayList<>(d.keySet())) {
                    if (key.getName().startsWith(StampRole.KEY)) {
                        d.removeItem(key);
                    }
                }
            }
        }
    }
}
