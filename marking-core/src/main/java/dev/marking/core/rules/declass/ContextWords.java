package dev.marking.core.rules.declass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of {@code contexts.txt} that tell what kind of text a placeholder stands in: a court judgment,
 * a form or template, a contract, or a paragraph about a secret matter. One pass over a text finds which
 * kinds it shows and how many different words of each.
 */
final class ContextWords {

    /** A kind of text. */
    enum Kind { JUDGMENT, TEMPLATE, CONTRACT, SECRECY }

    /** How many different words of each kind a text holds. */
    record Signals(int[] distinct) {

        int count(Kind k) {
            return distinct[k.ordinal()];
        }
    }

    /** The words by their first character, longest first; null for the many characters that start none. */
    private final String[][] byFirst = new String[Character.MAX_VALUE + 1][];
    /** The second characters of the words by their first character: most places fail on this cheap test. */
    private final String[] seconds = new String[Character.MAX_VALUE + 1];
    private final Map<String, Kind> kinds;

    private ContextWords(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
        Map<Character, List<String>> m = new HashMap<>();
        for (String w : kinds.keySet()) {
            m.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
        }
        m.forEach((c, v) -> {
            byFirst[c] = v.stream().sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
            StringBuilder sb = new StringBuilder();
            v.forEach(w -> sb.append(w.length() > 1 ? w.charAt(1) : '\0'));
            seconds[c] = sb.toString();
        });
    }

    /** Lines of {@code word kind}; the word may hold single spaces ({@code 年 月 日}), the kind is the last part. */
    static ContextWords parse(List<String> lines) {
        Map<String, Kind> kinds = new HashMap<>();
        for (String line : lines) {
            int cut = line.lastIndexOf(' ');
            if (cut <= 0) {
                throw new IllegalStateException("contexts.txt: expected 'word kind', not '" + line + "'");
            }
            kinds.put(line.substring(0, cut), Kind.valueOf(line.substring(cut + 1).strip().toUpperCase(Locale.ROOT)));
        }
        return new ContextWords(kinds);
    }

    /**
     * The kinds the texts show together (a document's blocks), each text in one left-to-right pass; stops early
     * once every kind in {@code enough} has been seen, as a document's kind needs one word of it, or after the
     * texts that start within the first {@code reach} characters.
     */
    Signals scan(List<? extends CharSequence> texts, Set<Kind> enough, int reach) {
        int[] distinct = new int[Kind.values().length];
        List<String> seen = new ArrayList<>();
        int left = reach;
        for (CharSequence text : texts) {
            if (left <= 0) {
                break;
            }
            int n = text.length();
            left -= n;
            for (int i = 0; i < n - 1; i++) {
                char c = text.charAt(i);
                String[] words = byFirst[c];
                if (words == null || seconds[c].indexOf(text.charAt(i + 1)) < 0) {
                    continue;
                }
                for (String w : words) {
                    if (startsWith(text, w, i)) {
                        if (!seen.contains(w)) {
                            seen.add(w);
                            distinct[kinds.get(w).ordinal()]++;
                        }
                        i += w.length() - 1;
                        break;
                    }
                }
            }
            if (!enough.isEmpty() && enough.stream().allMatch(k -> distinct[k.ordinal()] > 0)) {
                break;
            }
        }
        return new Signals(distinct);
    }

    /** The kinds one text shows. */
    Signals scan(CharSequence text) {
        return scan(List.of(text), Set.of(), Integer.MAX_VALUE);
    }

    private static boolean startsWith(CharSequence text, String w, int at) {
        if (at + w.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (text.charAt(at + k) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
