package dev.marking.core.engine;

/**
 * A marking as a user types it, in any shell: every field is the user's text, {@code null} or blank when
 * not given. {@link Engine#marking} turns it into a {@code Marking} with the policy's parser.
 *
 * @param level     {@code 机密}, {@code 工作秘密}, a custom scheme's level, …
 * @param term      {@code 5}, {@code 5年}, {@code 6个月}, {@code 2030-12-31}, {@code 长期}
 * @param issued    the issue date {@code YYYY-MM-DD}
 * @param copy      the copy number (份号) {@code 1}..{@code 999999}
 * @param urgency   {@code 特急} or {@code 加急}
 * @param recipient who receives this copy
 */
public record MarkingInput(String level, String term, String issued, String copy, String urgency, String recipient,
        String scope, boolean noReproduction) {

    /** A marking without a distribution scope or reproduction note. */
    public MarkingInput(String level, String term, String issued, String copy, String urgency, String recipient) {
        this(level, term, issued, copy, urgency, recipient, null, false);
    }

    /** A level and term, nothing else. */
    public static MarkingInput of(String level, String term) {
        return new MarkingInput(level, term, null, null, null, null);
    }

    public MarkingInput withIssued(String date) {
        return new MarkingInput(level, term, date, copy, urgency, recipient, scope, noReproduction);
    }

    public MarkingInput withCopy(String number) {
        return new MarkingInput(level, term, issued, number, urgency, recipient, scope, noReproduction);
    }

    public MarkingInput withUrgency(String u) {
        return new MarkingInput(level, term, issued, copy, u, recipient, scope, noReproduction);
    }

    /** With the distribution scope ({@code 发至县团级}; null for none) and the 不得翻印 note when {@code noCopy}. */
    public MarkingInput withHandling(String distribution, boolean noCopy) {
        return new MarkingInput(level, term, issued, copy, urgency, recipient, distribution, noCopy);
    }
}
