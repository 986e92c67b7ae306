package dev.marking.core.format.pdf;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Text an incremental update removed but the file still carries (DESIGN §1.5): every earlier revision
 * (the bytes up to an earlier {@code %%EOF}, the first-page section of a linearized file aside) is loaded
 * and its page text compared with the current document's; a file without incremental updates is not
 * parsed again; a line that is nowhere in the current text becomes a hidden item of kind
 * {@code earlier-revision} on the page it had then. Our own stamp is left out on both sides, so
 * restamping (which replaces the mark) is not a removal. An earlier revision whose every object the file still
 * holds unchanged (an update that only appended an empty section, or new objects nothing old refers to) has all
 * its pages in the current document as they were, so its text is not extracted again.
 */
final class EarlierRevisions {

    static final HiddenKind KIND = HiddenKind.EARLIER_REVISION;
    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** Files larger than this are not re-read for revisions. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Only the latest revisions before the current one are compared. */
    private static final int MAX_REVISIONS = 10;

    private EarlierRevisions() {
    }

    /** Lines of earlier revisions of {@code file} that none of {@code bodies} (the current pages' text) holds. */
    static List<HiddenItem> scan(Path file, List<String> bodies) {
        try {
            if (file == null || !Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return List.of();
            }
            byte[] bytes = Files.readAllBytes(file);
            List<Integer> ends = revisionEnds(bytes);
            if (linearized(bytes) && !ends.isEmpty()) {
                ends.remove(0); // the first-page section of a linearized file is no revision: nothing to parse
            }
            if (ends.size() < 2) {
                return List.of();
            }
            String now = squeeze(String.join("", bodies));
            List<HiddenItem> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            ObjectTable latest = ObjectTable.of(bytes);
            for (int r = Math.max(0, ends.size() - 1 - MAX_REVISIONS); r < ends.size() - 1; r++) {
                removed(Arrays.copyOf(bytes, ends.get(r)), latest, now, seen, out);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of(); // a revision we cannot read hides nothing we can name
        }
    }

    /** True when the file starts with a linearization dictionary (in its first kilobyte). */
    static boolean linearized(byte[] b) {
        return new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).contains("/Linearized");
    }

    /** Where each revision ends: just after each {@code %%EOF} marker (and its line end). */
    static List<Integer> revisionEnds(byte[] b) {
        List<Integer> ends = new ArrayList<>();
        outer:
        for (int i = 0; i + EOF.length <= b.length; i++) {
            for (int j = 0; j < EOF.length; j++) {
                if (b[i + j] != EOF[j]) {
                    continue outer;
                }
            }
            int end = i + EOF.length;
            while (end < b.length && (b[end] == '\r' || b[end] == '\n')) {
                end++;
            }
            ends.add(end);
            i = end - 1;
        }
        return ends;
    }

    private static void removed(byte[] revision, ObjectTable latest, String now, Set<String> seen,
            List<HiddenItem> out) {
        try (PDDocument old = Loader.loadPDF(revision)) {
            if (latest != null && latest.holdAll(old.getDocument())) {
                return;
            }
            List<String> pages = bodies(old);
            for (int p = 0; p < pages.size(); p++) {
                int line = 0;
                for (String l : pages.get(p).split("\n")) {
                    String text = l.strip();
                    String key = squeeze(text);
                    if (text.isEmpty()) {
                        continue;
                    }
                    line++;
                    if (!now.contains(key) && seen.add(key)) {
                        out.add(new HiddenItem(KIND, text, new Location(KIND.id(), 0, p + 1, 0, line, 0)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a partial revision (the first section of a linearized file) may not load; nothing to compare
            return;
        }
    }

    private static List<String> bodies(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        for (PageScan.PageText p : new PageScan(false, false).collect(doc, 1, doc.getNumberOfPages())) {
            out.add(p.body());
        }
        return out;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * A revision's objects as its cross-reference table places them: where each starts in the file (or which
     * object stream holds it, at which index), with the root and the encryption its trailer names. Incremental
     * updates only append, so an object at the same place in two revisions of one file is the same bytes.
     *
     * @param places     each object's entry: its offset, or minus the number of the object stream that holds it
     * @param indexes    the index within its object stream of each object held in one
     * @param root       the document catalog's object
     * @param encryption the encryption dictionary's object and the file's first identifier, null when not encrypted
     */
    record ObjectTable(Map<COSObjectKey, Long> places, Map<COSObjectKey, Integer> indexes, COSObjectKey root,
            String encryption) {

        /** The objects of the revision {@code bytes} end with; null when they cannot be read. */
        static ObjectTable of(byte[] bytes) {
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                return of(doc.getDocument());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The objects of a loaded revision; null when its trailer names no root object. */
        static ObjectTable of(COSDocument doc) {
            COSDictionary trailer = doc.getTrailer();
            COSObjectKey root = key(trailer == null ? null : trailer.getItem(COSName.ROOT));
            if (root == null) {
                return null;
            }
            Map<COSObjectKey, Integer> indexes = new HashMap<>();
            doc.getXrefTable().forEach((k, v) -> {
                if (v != null && v < 0) {
                    indexes.put(k, k.getStreamIndex());
                }
            });
            return new ObjectTable(new HashMap<>(doc.getXrefTable()), indexes, root, encryption(trailer));
        }

        /**
         * True when {@code earlier} (a loaded earlier revision of the same file) has the same root and encryption
         * and each of its objects is here at the same place: every page it had is here, unchanged.
         */
        boolean holdAll(COSDocument earlier) {
            ObjectTable then = of(earlier);
            if (then == null || !then.root.equals(root) || !Objects.equals(then.encryption, encryption)) {
                return false;
            }
            for (Map.Entry<COSObjectKey, Long> e : then.places.entrySet()) {
                COSObjectKey k = e.getKey();
                if (!e.getValue().equals(places.get(k))
                        || !Objects.equals(then.indexes.get(k), indexes.get(k))) {
                    return false;
                }
            }
            return true;
        }

        private static COSObjectKey key(COSBase item) {
            return item instanceof COSObject o ? o.getKey() : null;
        }

        private static String encryption(COSDictionary trailer) {
            COSBase encrypt = trailer.getItem(COSName.ENCRYPT);
            if (encrypt == null) {
                return null;
            }
            COSObjectKey k = key(encrypt);
            COSBase id = trailer.getDictionaryObject(COSName.ID);
            String first = id instanceof COSArray a && a.size() > 0
                    && a.getObject(0) instanceof COSString s ? s.toHexString() : "";
            return (k == null ? "direct:" + encrypt : k.toString()) + "/" + first;
        }
    }
}
