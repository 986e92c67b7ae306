package dev.marking.core.rules.redaction;

import java.util.Locale;
import java.util.Set;

/**
 * Text under a redaction box that leaks nothing: the box's own label ({@code Redacted}, {@code Privileged},
 * {@code 已删除}, {@code 此处删除}), filler such as leader dots, rules or a run of one repeated character
 * ({@code ........}, {@code ____}, {@code XXXXX}), or a single character the box happens to touch. The idea is
 * Free Law Project x-ray's ({@code ok_words}, repeated and single characters).
 */
final class RedactionLabels {

    private static final Set<String> LABELS = Set.of("redacted", "redaction", "redact", "privileged", "privilege",
            "confidential", "withheld", "sealed", "removed", "nameredacted", "redactedandpubliclyfiled",
            "已删除", "此处删除", "此处已删除", "删除", "已隐去", "此处隐去", "已涂黑", "已遮盖", "已屏蔽", "屏蔽", "略", "此处略",
            "涉密内容", "涉密内容已删除", "保密");

    private RedactionLabels() {
    }

    /** True when {@code text} is only a label, filler or a single character: nothing was left readable. */
    static boolean leaksNothing(String text) {
        StringBuilder core = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                core.append(Character.toLowerCase(c));
            }
        }
        if (core.length() <= 1) {
            return true; // dots, rules, brackets, one character under the edge of a box
        }
        if (core.chars().distinct().count() == 1) {
            return true; // XXXXX, xxxx xxxx: a placeholder typed before the box was drawn
        }
        return LABELS.contains(core.toString().toLowerCase(Locale.ROOT));
    }
}
