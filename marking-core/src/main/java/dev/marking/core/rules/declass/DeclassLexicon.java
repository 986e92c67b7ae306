package dev.marking.core.rules.declass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The word lists behind {@code declass.fake}, read from {@code dev/marking/core/declass/*.txt} (one term
 * a line) so a policy can extend them: context terms by category, established terms that are never
 * placeholders, cue words, surnames and the modifiers allowed between a placeholder and its context.
 * Immutable; {@link #with} returns an extended copy.
 */
public final class DeclassLexicon {

    private static final String DIR = "/dev/marking/core/declass/";

    private final Map<String, ContextTerm> terms;
    private final Map<Character, List<ContextTerm>> termsByFirst;
    private final Set<String> allowed;
    private final Map<Character, List<String>> allowedByFirst;
    private final Map<String, Category> cues;
    private final Set<String> modifiers;
    private final Set<String> genericNames;
    private final Set<String> secrets;
    private final Set<String> personalCues;
    private final String surnames;
    private final String nameSurnames;
    private final ContextWords contextWords;
    private final int maxAllowed;
    private final int maxCue;

    /** Cue words before a strong placeholder, by category, and those among them that introduce personal data. */
    private record Cues(Map<String, Category> categories, Set<String> personal) {
    }

    /** Surnames before a strong placeholder (王**), and the wider list before 某 or X in a name (高某某, 李X). */
    private record Surnames(String masked, String named) {
    }

    private DeclassLexicon(Map<String, ContextTerm> terms, Set<String> allowed, Cues cues, Set<String> modifiers,
            Set<String> genericNames, Set<String> secrets, Surnames surnames, ContextWords contextWords) {
        this.terms = Map.copyOf(terms);
        this.allowed = Set.copyOf(allowed);
        this.cues = Map.copyOf(cues.categories());
        this.personalCues = Set.copyOf(cues.personal());
        this.modifiers = Set.copyOf(modifiers);
        this.genericNames = Set.copyOf(genericNames);
        this.secrets = Set.copyOf(secrets);
        this.surnames = surnames.masked();
        this.nameSurnames = surnames.named();
        this.contextWords = contextWords;
        this.maxAllowed = maxLength(allowed);
        this.maxCue = maxLength(this.cues.keySet());
        this.termsByFirst = byFirstChar(terms.values(), ContextTerm::text);
        this.allowedByFirst = byFirstChar(allowed, w -> w);
    }

    /** Words grouped by their first character, longest first, so look-ups need no substrings. */
    private static <T> Map<Character, List<T>> byFirstChar(Collection<T> words, Function<T, String> text) {
        Map<Character, List<T>> out = new HashMap<>();
        for (T w : words) {
            out.computeIfAbsent(text.apply(w).charAt(0), k -> new ArrayList<>()).add(w);
        }
        out.replaceAll((k, v) -> v.stream()
                .sorted(Comparator.comparingInt((T w) -> text.apply(w).length()).reversed()).toList());
        return Map.copyOf(out);
    }

    /** The built-in lists. */
    public static DeclassLexicon standard() {
        Map<String, ContextTerm> terms = new HashMap<>();
        for (Category c : Category.values()) {
            if (c.file() != null) {
                for (String line : read(c.file())) {
                    ContextTerm t = ContextTerm.parse(line, c);
                    terms.put(t.text(), t);
                }
            }
        }
        Map<String, Category> cues = new HashMap<>();
        Set<String> personal = new HashSet<>();
        for (String line : read("cues.txt")) {
            String[] parts = line.split("\\s+");
            cues.put(parts[0], parts.length > 1 ? Category.valueOf(parts[1].toUpperCase(Locale.ROOT)) : Category.CODE);
            if (parts.length > 2 && "personal".equals(parts[2])) {
                personal.add(parts[0]);
            }
        }
        Surnames surnames = new Surnames(String.join("", read("surnames.txt")), String.join("", read("name-surnames.txt")));
        return new DeclassLexicon(terms, new HashSet<>(read("allowed.txt")), new Cues(cues, personal),
                new HashSet<>(read("modifiers.txt")), new HashSet<>(read("generic-names.txt")), Set.of(), surnames,
                ContextWords.parse(read("contexts.txt")));
    }

    /**
     * A copy with an organisation's own words: extra context terms of a category, extra established
     * terms, and secret points / codenames (密点, 代号), which count as strong context and are reported
     * when they appear verbatim.
     */
    public DeclassLexicon with(Map<Category, ? extends Collection<String>> extraTerms, Collection<String> extraAllowed,
            Collection<String> secretPoints) {
        Map<String, ContextTerm> t = new HashMap<>(terms);
        extraTerms.forEach((cat, words) -> words.forEach(w -> put(t, w, cat)));
        secretPoints.forEach(w -> put(t, w, Category.SECRET));
        Set<String> a = new HashSet<>(allowed);
        extraAllowed.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(a::add);
        Set<String> s = new HashSet<>(secrets);
        secretPoints.stream().map(String::strip).filter(x -> !x.isEmpty()).forEach(s::add);
        return new DeclassLexicon(t, a, new Cues(cues, personalCues), modifiers, genericNames, s,
                new Surnames(surnames, nameSurnames), contextWords);
    }

    private static void put(Map<String, ContextTerm> t, String word, Category cat) {
        ContextTerm term = ContextTerm.parse(word, cat);
        if (!term.text().isEmpty()) {
            t.put(term.text(), term);
        }
    }

    /** The longest context term (neutral words included) starting at {@code pos}, or null. */
    public ContextTerm termAt(String text, int pos) {
        if (pos >= text.length()) {
            return null;
        }
        for (ContextTerm t : termsByFirst.getOrDefault(text.charAt(pos), List.of())) {
            int len = t.text().length();
            if (text.startsWith(t.text(), pos) && !(isAsciiLetter(t.text().charAt(len - 1))
                    && pos + len < text.length() && isAsciiLetter(text.charAt(pos + len)))) {
                return t; // kg is a unit, kgf is not
            }
        }
        return null;
    }

    /**
     * True when {@code text} names a military unit or site or a piece of equipment (a word of two or more
     * characters: 导弹, 无人机, 部队): the paragraph is about a secret matter.
     */
    public boolean mentionsSecretMatter(String text) {
        for (int i = 0; i < text.length(); i++) {
            ContextTerm t = termAt(text, i);
            if (t != null && t.text().length() >= 2 && !t.weak()
                    && (t.category() == Category.MILITARY || t.category() == Category.EQUIPMENT)) {
                return true;
            }
        }
        return false;
    }

    /** True when an established term in {@code text} overlaps {@code [start, end)}. */
    public boolean allowedOverlaps(String text, int start, int end) {
        int from = Math.max(0, start - maxAllowed + 1);
        for (int k = from; k < end; k++) {
            for (String w : allowedByFirst.getOrDefault(text.charAt(k), List.of())) {
                if (k + w.length() > start && text.startsWith(w, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The category of the cue word ending exactly at {@code end}, or null. */
    public Category cueEndingAt(String text, int end) {
        for (int len = Math.min(maxCue, end); len >= 1; len--) {
            Category c = cues.get(text.substring(end - len, end));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** True when the cue word ending at {@code end} introduces personal data (车牌号, 证件号, 账号). */
    public boolean personalCueEndingAt(String text, int end) {
        for (int len = Math.min(maxCue, end); len >= 1; len--) {
            String w = text.substring(end - len, end);
            if (cues.containsKey(w)) {
                return personalCues.contains(w);
            }
        }
        return false;
    }

    /** True when {@code c} can be the surname in front of 某 in an anonymised name (张某, 高某某). */
    public boolean isNameSurname(char c) {
        return nameSurnames.indexOf(c) >= 0;
    }

    /** The words that tell a judgment, a template, a contract or a secret matter ({@code contexts.txt}). */
    ContextWords contextWords() {
        return contextWords;
    }

    /** True when the {@code len} characters at {@code pos} are a modifier ({@code 新}, {@code 重点}). */
    public boolean isModifier(String text, int pos, int len) {
        return pos + len <= text.length() && modifiers.contains(text.substring(pos, pos + len));
    }

    public boolean isSurname(char c) {
        return surnames.indexOf(c) >= 0;
    }

    /** True for words like 训练 or 海军 that qualify a context term without naming anything. */
    public boolean isGenericName(String s) {
        return genericNames.contains(s);
    }

    /** Secret points and codenames, to be reported wherever they appear. */
    public Set<String> secrets() {
        return secrets;
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static int maxLength(Collection<String> words) {
        return words.stream().mapToInt(String::length).max().orElse(1);
    }

    private static List<String> read(String name) {
        try (InputStream in = DeclassLexicon.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon " + DIR + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
