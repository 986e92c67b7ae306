package dev.marking.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered list of levels (highest first) plus the words that declare "not classified".
 *
 * @param id      scheme id used in metadata and reports
 * @param levels  classified levels, highest first, then unclassified words
 * @param aliases other spellings that mean one of the levels (e.g. 内部资料 → 内部)
 */
public record Scheme(String id, List<Level> levels, Map<String, String> aliases) {

    public static final Scheme STATE = of("state", List.of("绝密", "机密", "秘密"), List.of(30, 20, 10),
            List.of("公开", "非密"), Map.of());
    public static final Scheme WORK = of("work", List.of("工作秘密"), List.of(), List.of(), Map.of());
    public static final Scheme INTERNAL = of("internal", List.of("内部"), List.of(), List.of(),
            Map.of("内部资料", "内部", "内部使用", "内部"));
    public static final Scheme COMMERCIAL = of("commercial", List.of("核心商密", "普通商密"), List.of(), List.of(),
            Map.of());
    public static final Scheme NATO = of("nato", List.of("TOP SECRET", "SECRET", "CONFIDENTIAL", "RESTRICTED"),
            List.of(), List.of("UNCLASSIFIED"), Map.of());

    /** The schemes every installation knows, in lookup order. */
    public static final List<Scheme> BUILT_IN = List.of(STATE, WORK, INTERNAL, COMMERCIAL, NATO);

    public Scheme {
        levels = List.copyOf(levels);
        aliases = Map.copyOf(aliases);
    }

    /**
     * Builds a scheme from level names (highest first), their maximum terms in years (may be shorter
     * than the names: missing ones have no maximum) and unclassified words.
     */
    public static Scheme of(String id, List<String> classified, List<Integer> maxYears, List<String> unclassified,
            Map<String, String> aliases) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < classified.size(); i++) {
            Optional<Integer> max = i < maxYears.size() ? Optional.of(maxYears.get(i)) : Optional.empty();
            levels.add(new Level(id, classified.get(i), i, true, max));
        }
        for (String word : unclassified) {
            levels.add(new Level(id, word, classified.size(), false, Optional.empty()));
        }
        return new Scheme(id, levels, aliases);
    }

    /** The level with this canonical name or alias. */
    public Optional<Level> level(String name) {
        String canonical = aliases.getOrDefault(name, name);
        return levels.stream().filter(l -> l.name().equals(canonical)).findFirst();
    }
}
