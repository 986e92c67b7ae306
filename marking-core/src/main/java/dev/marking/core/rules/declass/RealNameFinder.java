package dev.marking.core.rules.declass;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
     * The first two different real names written with {@code term} in the document (two, so that one is
     * left when the first is the placeholder's own text).
     */
    List<RealName> find(DocumentPlaceholders doc, String term, Category category) {
        Map<Block, List<Placeholder>> covered = new IdentityHashMap<>();
        doc.found().forEach(f -> covered.computeIfAbsent(f.block(), k -> new ArrayList<>()).add(f.placeholder()));
        List<RealName> found = new ArrayList<>(2);
        for (Block b : doc.nameSources()) {
            String f = b.folded();
            for (int p = f.indexOf(term); p >= 0; p = f.indexOf(term, p + 1)) {
                ContextTerm t = lexicon.termAt(f, p);
                if (t == null || !t.text().equals(term)) {
                    continue;
                }
                int end = p + term.length();
                boolean site = category == Category.MILITARY || category == Category.ORGANISATION || category == Category.PLACE;
                int start = nameStart(f, p, end, site);
                if (start < 0 || touches(covered.get(b), start, end)) {
                    continue;
                }
                String name = b.block().text().substring(start, end);
                if (found.isEmpty() || !found.get(0).text().equals(name)) {
                    found.add(new RealName(name, DocumentPlaceholders.at(b.block(), start)));
                }
                if (found.size() == 2) {
                    return found;
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
