package dev.marking.core.rules.declass;

import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for the real name a placeholder should have hidden: the same context term written elsewhere
 * in the document after a name ({@code A基地} … {@code 酒泉基地}, {@code XX部队} … {@code 31681部队}).
 */
final class RealNameFinder {

    /** Characters that end a name when reading backwards from the context term. */
    private static final String STOPS = "在于的和与至到达从由向对把被将是为了及或等赴往进驻抵去来入出经以"
            + "该本此各其这那每全我你他她它贵诸某个们位名有无并也都就又再和即";
    private static final String CHINESE_DIGITS = "一二三四五六七八九十百千零〇两";
    private static final int MAX_NAME = 4;

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
     * The first two different real names written with {@code term} in {@code blocks} (two, so that one is
     * left when the first is the placeholder's own text).
     */
    List<RealName> find(List<Block> blocks, String term, Category category) {
        List<RealName> found = new ArrayList<>(2);
        for (Block b : blocks) {
            String f = b.folded();
            for (int p = f.indexOf(term); p >= 0; p = f.indexOf(term, p + 1)) {
                ContextTerm t = lexicon.termAt(f, p);
                if (t == null || !t.text().equals(term)) {
                    continue;
                }
                int start = nameStart(f, p, category);
                if (start >= 0) {
                    String name = b.block().text().substring(start, p + term.length());
                    if (found.isEmpty() || !found.get(0).text().equals(name)) {
                        found.add(new RealName(name, b.block().location().withColumn(start + 1)));
                    }
                    if (found.size() == 2) {
                        return found;
                    }
                }
            }
        }
        return found;
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
