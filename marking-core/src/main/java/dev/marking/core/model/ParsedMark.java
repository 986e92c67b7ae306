package dev.marking.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A mark as written in a document and what the parser made of it.
 *
 * @param raw          the text as written (e.g. {@code 机密☆五年})
 * @param start        offset of the mark in the text it was found in
 * @param end          end offset (exclusive)
 * @param marking      the marking, when the level was recognised (present even when the term is invalid,
 *                     with the term then {@link Term.Unstated})
 * @param canonical    the canonical form of the mark, to suggest when {@code raw} differs
 * @param noncanonical true when {@code raw} is an accepted but non-canonical variant
 * @param errors       why the mark is invalid; empty when valid
 */
public record ParsedMark(String raw, int start, int end, Optional<Marking> marking, String canonical,
        boolean noncanonical, List<Message> errors) {

    public ParsedMark {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty() && marking.isPresent();
    }

    /** True when the term was not stated: the law's maximum applies. */
    public boolean termUnstated() {
        return marking.isPresent() && marking.get().term() instanceof Term.Unstated && errors.isEmpty();
    }
}
