package dev.marking.core.rules.declass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

        static final Signals NONE = new Signals(new int[Kind.values().length]);

        int count(Kind k) {
            return distinct[k.ordinal()];
        }
    }

    private final Map<Character, List<String>> byFirst;
    private final Map<String, Kind> kinds;

    private ContextWords(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
        Map<Character, List<String>> m = new HashMap<>();
        for (String w : kinds.keySet()) {
            m.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
        }
        m.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
        this.byFirst = Map.copyOf(m);
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

    /** The kinds {@code text} shows, in one left-to-right pass (the longest word at each place counts). */
    Signals scan(CharSequence text) {
        int[] distinct = new int[Kind.values().length];
        List<String> seen = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            List<String> words = byFirst.get(text.charAt(i));
            if (words == null) {
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
        return new Signals(distinct);
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
