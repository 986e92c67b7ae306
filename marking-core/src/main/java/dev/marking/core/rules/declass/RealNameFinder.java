package dev.marking.core.rules.declass;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for the real name a placeholder should have hidden: the same context term written elsewhere
 * in the document after a proper name ({@code A基地} … {@code 酒泉基地}, {@code XX部队} … {@code 31681部队}).
 * A name is a unit number, an ordinal ({@code 第三研究所}) or whole words the segmenter reads as a name or
 * noun in front of the term as a word of its own — not any span that ends in the same character
 * ({@code 部门内部}), and never text that a placeholder itself covers ({@code XX工作会议}).
 */
final class RealNameFinder {

    /** Characters that end a name when reading backwards from the context term. */
    private static final String STOPS = "在于的和与至到达从由向对把被将是为了及或等赴往进驻抵去来入出经以"
            + "该本此各其这那每全我你他她它贵诸某个们位名有无并也都就又再和即";
    private static final String CHINESE_DIGITS = "一二三四五六七八九十百千零〇两";
    /** Occurrences of a term a document's names are looked for in, at most (each costs a segmentation). */
    private static final int MAX_SEGMENTED = 8;
    /** Characters before the term that the segmenter sees. */
    private static final int WINDOW_BEFORE = 8;
    /** Characters after the start of the term that the segmenter sees, so that the term is read as a word. */
    private static final int WINDOW_AFTER = 6;

    /**
     * A real name and where it is.
     *
     * @param text     the name with its context term ({@code 酒泉基地})
     * @param location where it is written
     */
    record RealName(String text, Location location) {
    }

    /** A text block with its width-folded text. */
    record Block(TextBlock block, String folded) {
    }

    private final DeclassLexicon lexicon;

    RealNameFinder(DeclassLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * For each term (with the category of its placeholder), the first two different real names written with
     * it in the document (two, so that one is left when the first is the placeholder's own text). One pass over
     * the document finds them all; the characters that start no term are passed over without a look-up.
     */
    Map<String, List<RealName>> find(DocumentPlaceholders doc, Map<String, Category> terms) {
        Map<String, List<RealName>> found = new HashMap<>();
        Map<String, Integer> segmented = new HashMap<>();
        Set<String> done = new HashSet<>();
        BitSet firsts = new BitSet();
        terms.keySet().forEach(t -> firsts.set(t.charAt(0)));
        for (Block b : doc.nameSources()) {
            Interruption.check();
            if (firsts.isEmpty()) {
                break; // every term has its names, or has been looked for enough
            }
            String f = b.folded();
            for (int p = 1; p < f.length(); p++) {
                char before = f.charAt(p - 1);
                if (!firsts.get(f.charAt(p)) || !PlaceholderScanner.isHan(before) && !isDigit(before)
                        || STOPS.indexOf(before) >= 0) {
                    continue; // no term here, or nothing that could be a name in front of it
                }
                ContextTerm t = lexicon.termAt(f, p);
                Category category = t == null ? null : terms.get(t.text());
                if (category == null || done.contains(t.text())) {
                    continue;
                }
                int end = p + t.text().length();
                if (touches(doc.placeholdersIn(b), p, end)) {
                    continue; // the placeholder's own term
                }
                List<RealName> names = found.computeIfAbsent(t.text(), k -> new ArrayList<>(2));
                boolean site = category == Category.MILITARY || category == Category.ORGANISATION
                        || category == Category.PLACE;
                int start = nameStart(f, p, end, site);
                if (start >= 0 && !touches(doc.placeholdersIn(b), start, end)) {
                    String name = b.block().text().substring(start, end);
                    if (names.isEmpty() || !names.get(0).text().equals(name)) {
                        names.add(new RealName(name, DocumentPlaceholders.at(b.block(), start)));
                    }
                }
                if (names.size() == 2 || segmented.merge(t.text(), 1, Integer::sum) >= MAX_SEGMENTED) {
                    done.add(t.text()); // each term is looked for a bounded number of times
                    firsts.clear();
                    terms.keySet().stream().filter(w -> !done.contains(w)).forEach(w -> firsts.set(w.charAt(0)));
                }
            }
        }
        return found;
    }

    /**
     * True when a placeholder covers or touches {@code [start, end)}: the span is the placeholder's own text.
     * The placeholders of a block are in order and do not overlap, so a binary search finds the candidates.
     */
    private static boolean touches(List<Placeholder> placeholders, int start, int end) {
        if (placeholders == null) {
            return false;
        }
        int lo = 0;
        int hi = placeholders.size();
        while (lo < hi) { // the first placeholder that ends at or after start
            int mid = (lo + hi) >>> 1;
            if (placeholders.get(mid).end() < start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < placeholders.size() && placeholders.get(lo).start() <= end;
    }

    /**
     * Where the name before the term at {@code p} starts, or -1 when there is none: a unit number (31681部队), an
     * ordinal (第三研究所), or the word in front of the term when the segmenter reads it as a name (酒泉/ns 基地)
     * and the term as a word of its own.
     */
    private int nameStart(String f, int p, int end, boolean site) {
        int d = p;
        while (d > 0 && f.charAt(d - 1) >= '0' && f.charAt(d - 1) <= '9') {
            d--;
        }
        if (p - d >= 2) {
            return d; // 31681部队
        }
        int c = p;
        while (c > 0 && CHINESE_DIGITS.indexOf(f.charAt(c - 1)) >= 0) {
            c--;
        }
        if (c < p && c > 0 && f.charAt(c - 1) == '第') {
            return c - 1; // 第三研究所, 第二十七集团军
        }
        int from = p;
        while (from > 0 && p - from < WINDOW_BEFORE && PlaceholderScanner.isHan(f.charAt(from - 1))) {
            from--;
        }
        if (from == p) {
            return -1;
        }
        int at = from;
        int start = -1;
        for (Term t : HanLP.segment(f.substring(from, Math.min(f.length(), end + WINDOW_AFTER)))) {
            int next = at + t.word.length();
            String nature = t.nature == null ? "" : t.nature.toString();
            if (next == p) {
                boolean name = t.word.length() >= 2 && isProper(nature, site) && !isGeneric(t.word)
                        && STOPS.indexOf(t.word.charAt(0)) < 0;
                start = name ? at : -1;
            } else if (at < p && next == end && next - at >= end - p + 2) {
                return isProper(nature, false) && STOPS.indexOf(t.word.charAt(0)) < 0 ? at : -1; // 绵阳市/ns: one name
            }
            if (next >= p) {
                return next == p ? start : -1; // -1: the term is part of a longer word (部门内部, 导弹连)
            }
            at = next;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * HanLP natures of names: nr (persons), ns (places), nt (organisations), nz (other names), nx, and for sites and
     * organisations plain nouns (n), which many site names also are (马兰基地); not verbs, adjectives or positions
     * (工作, 内), and not a plain noun before a weapon (女子导弹连).
     */
    private static boolean isProper(String nature, boolean site) {
        return nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt") || nature.equals("nz")
                || nature.equals("nx") || site && nature.equals("n");
    }

    private boolean isGeneric(String name) {
        for (int k = 0; k < name.length(); k++) {
            if (lexicon.isGenericName(name.substring(k)) || lexicon.termAt(name, k) != null
                    && lexicon.termAt(name, k).text().length() == name.length() - k) {
                return true; // 训练基地, 海军基地, 导弹部队: a kind of site, not a name
            }
        }
        return false;
    }
}
