package dev.marking.core.rules.declass;

/**
 * A placeholder found in a text, with the context that makes it one.
 *
 * @param start    offset of the first character of the evidence span
 * @param end      offset after the span (the placeholder and its context term)
 * @param kind     how the name was masked
 * @param category what the placeholder stands for
 * @param term     the context term after it ({@code 部队}), or null when a cue or surname decided
 */
public record Placeholder(int start, int end, PlaceholderKind kind, Category category, String term) {

    /** This placeholder extended to the end of {@code next}, for runs like {@code X月X日}. */
    Placeholder join(Placeholder next) {
        return new Placeholder(start, next.end, kind, category, term);
    }
}
