package dev.marking.core.format.pdf;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The page tree checked against what the file can hold before any page is read: every page is an object of its
 * own, so a tree that claims ({@code /Count}) or lists ({@code /Kids}) more pages than the file has objects is
 * hostile (a 342-byte file claiming 10,000,000 pages, one page listed 1,000,000 times) and would cost gigabytes.
 */
final class PageTreeLimit {

    private PageTreeLimit() {
    }

    /** Null when the tree fits the file, else the limit it breaks, for a user to read. */
    static String check(PDDocument doc) {
        long objects = Math.max(1, doc.getDocument().getXrefTable().size());
        COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            return null;
        }
        long claimed = root.getLong(COSName.COUNT, 0);
        if (claimed > objects) {
            return tooMany("claims", claimed, objects);
        }
        long listed = 0;
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSDictionary> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            COSDictionary node = todo.poll();
            if (!seen.add(node)) {
                continue; // a cycle or a node listed twice: PDFBox's own walk skips it
            }
            COSArray kids = node.getCOSArray(COSName.KIDS);
            if (kids == null) {
                continue;
            }
            if (listed + kids.size() > objects) {
                return tooMany("lists", listed + kids.size(), objects);
            }
            listed += kids.size();
            for (int i = 0; i < kids.size(); i++) {
                COSBase kid = kids.get(i);
                COSBase resolved = kid instanceof COSObject o ? o.getObject() : kid;
                if (resolved instanceof COSDictionary d && d.containsKey(COSName.KIDS)) {
                    todo.add(d);
                }
            }
        }
        return null;
    }

    private static String tooMany(String verb, long pages, long objects) {
        return String.format("the page tree %s %,d pages, more than the %,d objects the file holds", verb, pages, objects);
    }
}
