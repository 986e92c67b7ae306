package dev.marking.core.format.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A revision's objects as its cross-reference table places them: where each starts in the file, or which object
 * stream holds it at which index; its root, its encryption and its pages. Incremental updates only append, so an
 * object at the same place in two revisions of one file is the same bytes: an earlier revision's page whose page
 * object and everything it refers to are where they were, and which the later revision's page tree still holds
 * with the same frame, has the same text in both.
 *
 * @param places     each object's entry: its offset, or minus the number of the object stream that holds it
 * @param indexes    the index within its object stream of each object held in one
 * @param root       the document catalog's object
 * @param encryption the encryption dictionary's object and the file's first identifier; null when not encrypted
 * @param frames     the page objects of the page tree, each with its media box, crop box and rotation as inherited
 */
record RevisionObjects(Map<COSObjectKey, Long> places, Map<COSObjectKey, Integer> indexes, COSObjectKey root,
        String encryption, Map<COSObjectKey, String> frames) {

    /**
     * Past this many objects followed for one revision's pages (hostile files share a large web of objects between
     * many pages), the remaining pages are read again rather than followed further.
     */
    static final int MAX_OBJECTS = 1_000_000;
    /** Entries that lead away from a page to what does not change its text: the page tree, an annotation's page. */
    private static final Set<COSName> UPWARD = Set.of(COSName.PARENT, COSName.P);

    /** The objects of {@code doc} as loaded (its latest revision), with its pages; null when they cannot be read. */
    static RevisionObjects latest(PDDocument doc) {
        try {
            return of(doc, true);
        } catch (RuntimeException e) {
            return null; // a damaged page tree: every earlier page is read again
        }
    }

    /** The objects of a loaded revision, with its pages' frames when {@code withPages}; null without a root object. */
    static RevisionObjects of(PDDocument doc, boolean withPages) {
        COSDocument cos = doc.getDocument();
        COSDictionary trailer = cos.getTrailer();
        COSObjectKey root = key(trailer == null ? null : trailer.getItem(COSName.ROOT));
        if (root == null) {
            return null;
        }
        Map<COSObjectKey, Integer> indexes = new HashMap<>();
        cos.getXrefTable().forEach((k, v) -> {
            if (v != null && v < 0) {
                indexes.put(k, k.getStreamIndex());
            }
        });
        Map<COSObjectKey, String> frames = new HashMap<>();
        if (withPages) {
            for (PDPage page : doc.getPages()) {
                COSObjectKey k = page.getCOSObject().getKey();
                if (k != null) {
                    frames.put(k, frame(page));
                }
            }
        }
        return new RevisionObjects(new HashMap<>(cos.getXrefTable()), indexes, root, encryption(trailer), frames);
    }

    /**
     * The pages (1-based) of {@code earlier}, an earlier revision of the same file, that this revision has unchanged:
     * the same encryption; the page object in this revision's page tree with the same media box, crop box and
     * rotation; resources of its own; and every object it refers to (its contents, resources, fonts, images,
     * annotations and their appearances, but not the page tree above it) at the same place. All of them when every
     * object of {@code earlier} is here and the root is the same. Any doubt leaves a page out.
     */
    Set<Integer> keptPages(PDDocument earlier) {
        return keptPages(earlier, MAX_OBJECTS);
    }

    /** {@link #keptPages(PDDocument)}, following at most {@code maxObjects} objects. */
    Set<Integer> keptPages(PDDocument earlier, int maxObjects) {
        try {
            return kept(earlier, maxObjects);
        } catch (RuntimeException e) {
            return Set.of(); // a damaged object behind a page: read them all, as before
        }
    }

    private Set<Integer> kept(PDDocument earlier, int maxObjects) {
        RevisionObjects then = of(earlier, false);
        Set<Integer> kept = new HashSet<>();
        if (then == null || !Objects.equals(then.encryption, encryption)) {
            return kept;
        }
        int n = earlier.getNumberOfPages();
        if (holdAll(then)) {
            for (int p = 1; p <= n; p++) {
                kept.add(p);
            }
            return kept;
        }
        Set<COSObjectKey> verified = new HashSet<>();
        int[] budget = {maxObjects};
        int p = 0;
        for (PDPage page : earlier.getPages()) {
            p++;
            COSDictionary dict = page.getCOSObject();
            COSObjectKey k = dict.getKey();
            if (k != null && frame(page).equals(frames.get(k)) && dict.getItem(COSName.RESOURCES) != null
                    && same(k, then) && unchangedBehind(dict, then, verified, budget)) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** True when {@code then} has the same root and each of its objects is here at the same place. */
    boolean holdAll(RevisionObjects then) {
        if (!then.root.equals(root) || !Objects.equals(then.encryption, encryption)) {
            return false;
        }
        for (COSObjectKey k : then.places.keySet()) {
            if (!same(k, then)) {
                return false;
            }
        }
        return true;
    }

    /** True when object {@code k} has the same entry in {@code then} and here, and so has its object stream if any. */
    boolean same(COSObjectKey k, RevisionObjects then) {
        Long place = then.places.get(k);
        if (place == null || !place.equals(places.get(k)) || !Objects.equals(then.indexes.get(k), indexes.get(k))) {
            return false;
        }
        if (place < 0) {
            COSObjectKey stream = new COSObjectKey(-place, 0);
            Long at = then.places.get(stream);
            return at != null && at >= 0 && at.equals(places.get(stream));
        }
        return true;
    }

    /**
     * True when every object {@code page} (of {@code then}) refers to, directly or through others, is at the same
     * place here; {@code verified} holds objects found so with all they refer to, and gains this page's; each object
     * followed takes one from {@code budget[0]}, and none left is a doubt.
     */
    private boolean unchangedBehind(COSDictionary page, RevisionObjects then, Set<COSObjectKey> verified,
            int[] budget) {
        Set<COSObjectKey> seen = new HashSet<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(page);
        while (!todo.isEmpty()) {
            COSBase b = todo.pop();
            if (b instanceof COSObject o) {
                COSObjectKey k = o.getKey();
                if (k == null || verified.contains(k) || !seen.add(k)) {
                    continue;
                }
                if (--budget[0] < 0 || !same(k, then)) {
                    return false;
                }
                b = o.getObject();
            }
            if (b instanceof COSDictionary d) {
                d.entrySet().stream().filter(e -> !UPWARD.contains(e.getKey())).forEach(e -> todo.push(e.getValue()));
            } else if (b instanceof COSArray a) {
                a.forEach(todo::push);
            }
        }
        verified.addAll(seen);
        return true;
    }

    private static String frame(PDPage page) {
        return box(page.getMediaBox()) + "/" + box(page.getCropBox()) + "/" + page.getRotation();
    }

    private static String box(PDRectangle r) {
        return r.getLowerLeftX() + "," + r.getLowerLeftY() + "," + r.getUpperRightX() + "," + r.getUpperRightY();
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
        String first = id instanceof COSArray a && a.size() > 0 && a.getObject(0) instanceof COSString s ? s.toHexString()
                : "";
        return (k == null ? "direct:" + encrypt : k.toString()) + "/" + first;
    }
}
