package dev.marking.core.rules.declass;

/**
 * A placeholder found in a text, with the context that makes it one.
 *
 * @param start    offset of the first character of the evidence span
 * @param end      offset after the span (the placeholder and its context term)
 * @param kind     how the name was masked
 * @param category what the placeholder stands for
 * @param context  the context term after it ({@code 部队}), or null when a cue or surname decided
 * @param use      what the placeholder is for, as far as the text around it tells
 */
public record Placeholder(int start, int end, PlaceholderKind kind, Category category, ContextTerm context,
        PlaceholderUse use) {

    /** A placeholder that conceals a name (the usual case). */
    Placeholder(int start, int end, PlaceholderKind kind, Category category, ContextTerm context) {
        this(start, end, kind, category, context, PlaceholderUse.CONCEALMENT);
    }

    /** The context term's text, or null. */
    public String term() {
        return context == null ? null : context.text();
    }

    /** True when what it hides is secret by its nature (a unit, equipment, a project, a codename). */
    boolean secretBearing() {
        if (context != null) {
            return context.secretBearing();
        }
        return category == Category.CODE || category == Category.SECRET || category == Category.MILITARY
                || category == Category.EQUIPMENT;
    }

    /** This placeholder extended to the end of {@code next}, for runs like {@code X月X日}. */
    Placeholder join(Placeholder next) {
        return new Placeholder(start, next.end, kind, category, context, use);
    }

    Placeholder withUse(PlaceholderUse u) {
        return u == use ? this : new Placeholder(start, end, kind, category, context, u);
    }

    Placeholder from(int newStart) {
        return new Placeholder(newStart, end, kind, category, context, use);
    }
}
