package dev.marking.core.rules.declass;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * Chinese word boundaries from HanLP (portable edition: its dictionaries and segmenter ship in the jar, no
 * model download). Asked only where a placeholder is about to be reported, so ordinary text never pays for
 * segmentation; the dictionaries load on first use (about half a second, about 35 MB).
 */
final class Words {

    /** Characters of context on each side of the character being judged. */
    private static final int WINDOW = 6;

    private Words() {
    }

    /** True when the character at {@code i} does not start a word: 丁 in 撒丁岛, 乙 in 长征三号乙. */
    static boolean insideWord(String f, int i) {
        int from = i;
        while (from > 0 && i - from < WINDOW && PlaceholderScanner.isHan(f.charAt(from - 1))) {
            from--;
        }
        if (from == i) {
            return false;
        }
        int to = i + 1;
        while (to < f.length() && to - i < WINDOW && PlaceholderScanner.isHan(f.charAt(to))) {
            to++;
        }
        List<Term> terms = HanLP.segment(f.substring(from, to));
        int at = from;
        for (Term t : terms) {
            int next = at + t.word.length();
            if (at < i && next > i) {
                return true;
            }
            if (next > i) {
                return false;
            }
            at = next;
        }
        return false;
    }

    /** True when the character before {@code end} ends a dictionary word of two or three characters (南海, 中国). */
    static boolean endsWord(String f, int end) {
        for (int len = 2; len <= 3 && end - len >= 0; len++) {
            String w = f.substring(end - len, end);
            if (PlaceholderScanner.isHan(w.charAt(0)) && (CoreDictionary.contains(w) || CustomDictionary.contains(w))) {
                return true;
            }
        }
        return false;
    }
}
