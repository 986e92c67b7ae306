package dev.marking.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A classification marking: level and term, plus the optional copy number, issue date, urgency and
 * recipient that a stamped copy carries, and the script its text is written in ({@link #mark()}).
 */
public record Marking(Level level, Term term, Optional<CopyNumber> copy, Optional<LocalDate> issued,
        Optional<Urgency> urgency, Optional<String> recipient, Script script, Handling handling) {

    public static final char STAR = '★';

    public Marking {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(handling, "handling");
    }

    /** A marking with no distribution scope or reproduction note. */
    public Marking(Level level, Term term, Optional<CopyNumber> copy, Optional<LocalDate> issued,
            Optional<Urgency> urgency, Optional<String> recipient, Script script) {
        this(level, term, copy, issued, urgency, recipient, script, Handling.NONE);
    }

    /** A marking written in Simplified characters. */
    public Marking(Level level, Term term, Optional<CopyNumber> copy, Optional<LocalDate> issued,
            Optional<Urgency> urgency, Optional<String> recipient) {
        this(level, term, copy, issued, urgency, recipient, Script.SIMPLIFIED);
    }

    /** A marking with only a level and a term. */
    public static Marking of(Level level, Term term) {
        return new Marking(level, term, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The canonical mark in this marking's script: {@code 机密★5年} ({@code 機密★5年}); a bare level when
     * unclassified or without a stated term.
     */
    public String mark() {
        if (!level.classified()) {
            return script.write(level.name());
        }
        if (term instanceof Term.Unstated) {
            return script.write(level.name() + STAR);
        }
        return script.write(level.name() + STAR + term.canonical());
    }

    /** The watermark line: {@code 机密★5年 第000123份} (+ recipient). */
    public String watermarkText() {
        StringBuilder sb = new StringBuilder(mark());
        copy.ifPresent(c -> sb.append(" 第").append(c.formatted()).append('份'));
        recipient.ifPresent(r -> sb.append(' ').append(r));
        return sb.toString();
    }

    public Marking withCopy(CopyNumber number) {
        return new Marking(level, term, Optional.of(number), issued, urgency, recipient, script, handling);
    }

    public Marking withIssued(LocalDate date) {
        return new Marking(level, term, copy, Optional.ofNullable(date), urgency, recipient, script, handling);
    }

    public Marking withUrgency(Urgency u) {
        return new Marking(level, term, copy, issued, Optional.ofNullable(u), recipient, script, handling);
    }

    public Marking withRecipient(String r) {
        return new Marking(level, term, copy, issued, urgency, Optional.ofNullable(r), script, handling);
    }

    /** The same marking with its distribution scope and reproduction note. */
    public Marking withHandling(Handling h) {
        return new Marking(level, term, copy, issued, urgency, recipient, script, h);
    }

    /** The same marking written in {@code s} (stamps follow the policy's {@code marking.script}). */
    public Marking withScript(Script s) {
        return new Marking(level, term, copy, issued, urgency, recipient, s, handling);
    }
}
