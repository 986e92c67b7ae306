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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Text an incremental update removed but the file still carries (DESIGN §1.5): every earlier revision
 * (the bytes up to an earlier {@code %%EOF}, the first-page section of a linearized file aside) is loaded
 * and its page text compared with the current document's; a file without incremental updates is not
 * parsed again; a line that is nowhere in the current text becomes a hidden item of kind
 * {@code earlier-revision} on the page it had then. Our own stamp is left out on both sides, so
 * restamping (which replaces the mark) is not a removal. A page of an earlier revision that the current document
 * still has as it was ({@link RevisionObjects#keptPages}: an update that signed the file, filled a form or added an
 * information dictionary leaves most pages so) is not read again: its text is the current page's.
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

    /**
     * Lines of earlier revisions of {@code file} that none of {@code bodies} (the text of the pages of {@code current},
     * the document as loaded from {@code file}) holds.
     */
    static List<HiddenItem> scan(Path file, PDDocument current, List<String> bodies) {
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
            RevisionObjects latest = RevisionObjects.latest(current);
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

    private static void removed(byte[] revision, RevisionObjects latest, String now, Set<String> seen,
            List<HiddenItem> out) {
        try (PDDocument old = Loader.loadPDF(revision)) {
            Set<Integer> kept = latest == null ? Set.of() : latest.keptPages(old);
            if (kept.size() == old.getNumberOfPages()) {
                return;
            }
            List<String> pages = bodies(old, kept);
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

    /** The text of each page of {@code doc}, empty for the pages of {@code kept} (1-based), which are not read. */
    private static List<String> bodies(PDDocument doc, Set<Integer> kept) throws IOException {
        List<String> out = new ArrayList<>();
        int pages = doc.getNumberOfPages();
        for (int first = 1; first <= pages; first++) {
            if (kept.contains(first)) {
                out.add("");
                continue;
            }
            int last = first;
            while (last < pages && !kept.contains(last + 1)) {
                last++;
            }
            for (PageScan.PageText p : new PageScan(false, false).collect(doc, first, last)) {
                out.add(p.body());
            }
            first = last;
        }
        return out;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
