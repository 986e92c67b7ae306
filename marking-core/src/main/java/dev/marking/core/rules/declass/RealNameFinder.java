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
    private static final int MAX_NAME = 4;
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
                int start = nameStart(f, p, category);
                boolean site = category == Category.MILITARY || category == Category.ORGANISATION || category == Category.PLACE;
                if (start < 0 || touches(covered.get(b), start, end) || !properName(f, start, p, site)) {
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

    /** Where the name before the term at {@code p} starts, or -1 when there is none. */
    private int nameStart(String f, int p, Category category) {
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
        int b = p;
        while (b > 0 && p - b < MAX_NAME && PlaceholderScanner.isHan(f.charAt(b - 1)) && STOPS.indexOf(f.charAt(b - 1)) < 0
                && "甲乙丙第".indexOf(f.charAt(b - 1)) < 0) {
            b--;
        }
        String name = f.substring(b, p);
        boolean surname = category == Category.PERSON && name.length() == 1 && lexicon.isSurname(name.charAt(0));
        if (name.length() < 2 && !surname || isGeneric(name)) {
            return -1;
        }
        return b;
    }

    /**
     * True for a number or ordinal, or when the segmenter reads {@code [start, p)} as words of which the last is
     * a proper noun (place, person, organisation, other name) and the term as the next word: 酒泉/ns 基地.
     */
    private static boolean properName(String f, int start, int p, boolean site) {
        if (!PlaceholderScanner.isHan(f.charAt(start)) || f.charAt(start) == '第') {
            return true; // 31681部队, 第三研究所
        }
        int from = Math.max(0, start - 2);
        int to = Math.min(f.length(), p + WINDOW_AFTER);
        int at = from;
        boolean startsWord = false;
        boolean proper = false;
        for (Term t : HanLP.segment(f.substring(from, to))) {
            int next = at + t.word.length();
            startsWord |= at == start;
            if (at >= start && next <= p) {
                proper = t.nature != null && isProper(t.nature.toString(), site); // the word right before the term
            }
            if (next == p) {
                return startsWord && proper; // the term starts a word of its own
            }
            if (next > p) {
                return false; // the term is part of a longer word: 部门内部, 工作会议的
            }
            at = next;
        }
        return false;
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
