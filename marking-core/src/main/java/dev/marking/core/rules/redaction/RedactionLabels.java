package dev.marking.core.rules.redaction;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Text under a redaction box that leaks nothing: the box's own label ({@code Redacted}, {@code Privileged},
 * {@code 已删除}, {@code 此处删除}), filler such as leader dots, rules or a run of one repeated character
 * ({@code ........}, {@code ____}, {@code XXXXX}), or a single character the box happens to touch. The idea is
 * Free Law Project x-ray's ({@code ok_words}, repeated and single characters).
 */
final class RedactionLabels {

    /** Labels, longest first so that 此处已删除 goes before 删除. */
    private static final List<String> LABELS = Stream.of("redacted", "redaction", "redact", "privileged", "privilege",
            "confidential", "withheld", "sealed", "removed", "name redacted", "redacted and publicly filed",
            "已删除", "此处删除", "此处已删除", "删除", "已隐去", "此处隐去", "已涂黑", "已遮盖", "已屏蔽", "屏蔽", "略", "此处略",
            "涉密内容", "涉密内容已删除", "保密").sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private RedactionLabels() {
    }

    /**
     * True when {@code text} is only labels, filler or a single character: nothing was left readable. Several
     * boxes in a row give one text ({@code Privileged [REDACTED]}), so every label is taken out before what is
     * left is judged.
     */
    static boolean leaksNothing(String text) {
        String rest = text.toLowerCase(Locale.ROOT);
        for (String label : LABELS) {
            rest = rest.replace(label, " ");
        }
        StringBuilder core = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                core.append(c);
            }
        }
        // dots, rules, brackets, one character under the edge of a box; XXXXX typed before the box was drawn
        return core.length() <= 1 || core.chars().distinct().count() == 1;
    }
}
