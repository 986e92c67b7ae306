package dev.marking.core.ledger;

import java.util.Locale;
import java.util.Optional;

/**
 * One line of the distribution ledger (分发登记, DESIGN §1.4): a step in the life of one numbered copy.
 * A copy's latest line says where it stands (see {@link State}); lines are only ever appended.
 *
 * @param state     the step this line records; lines written before states existed are {@link State#ISSUED}
 * @param document  the document id ({@code marking.id})
 * @param copy      six-digit copy number
 * @param recipient who received it, or null
 * @param file      the output file name
 * @param folder    the absolute output folder, so recovery finds the file; null in older lines
 * @param sha256    SHA-256 of the output file, lower-case hex; null until the copy is staged
 * @param time      when the line was written (ISO-8601 instant)
 * @param note      why a copy was voided or how it was recovered; null for none
 * @param by        who did what the line records (returned, destroyed, approved); null for a stamp run's lines
 * @param witness   who witnessed a destruction; null for none
 * @param approved  the approved number of copies (批准份数) on an {@link State#APPROVED} line; null otherwise
 */
public record LedgerEntry(State state, String document, String copy, String recipient, String file, String folder,
        String sha256, String time, String note, String by, String witness, Integer approved) {

    /**
     * Where a numbered copy stands. A run reserves all its numbers before it writes anything, stages each
     * copy (the complete file is in a temporary file with this hash) before renaming it into place, and
     * confirms it after the rename. Recovery settles a copy left reserved or staged by a stopped run:
     * staged with its file in place and the right hash becomes issued, anything else void.
     */
    public enum State {
        /** The number is taken by a run; no file exists yet. */
        RESERVED,
        /** The copy is complete in a temporary file whose hash is recorded; it is being renamed into place. */
        STAGED,
        /** The copy is in place with the recorded hash: issued. */
        ISSUED,
        /** The number was taken but no copy was issued under it; it is never issued again. */
        VOID,
        /** The issued copy came back (清退) to the register; it goes nowhere from now on. */
        RETURNED,
        /** The copy was destroyed (销毁), with who did it and who witnessed it. */
        DESTROYED,
        /**
         * Not a copy's step but the document's: the approved number of copies (批准份数), in {@link #approved()};
         * the line has no copy number. The latest such line for a document is in force.
         */
        APPROVED;

        /** The name written in the ledger ({@code reserved}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The state named {@code id}; empty when unknown. */
        public static Optional<State> of(String id) {
            for (State s : values()) {
                if (s.id().equals(id)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** An issued copy as older versions logged it: after the rename, in one line. */
    public LedgerEntry(String document, String copy, String recipient, String file, String sha256, String time) {
        this(State.ISSUED, document, copy, recipient, file, null, sha256, time, null, null, null, null);
    }

    /** This copy at {@code next}, written at {@code when}, with {@code sha} (kept when null) and {@code why}. */
    public LedgerEntry advance(State next, String sha, String when, String why) {
        return new LedgerEntry(next, document, copy, recipient, file, folder, sha == null ? sha256 : sha, when, why,
                null, null, null);
    }

    /** This copy {@link State#RETURNED} or {@link State#DESTROYED} at {@code when} by {@code who}, seen by {@code seen}. */
    public LedgerEntry act(State next, String when, String who, String seen, String why) {
        return new LedgerEntry(next, document, copy, recipient, file, folder, sha256, when, why, who, seen, null);
    }

    /** The line approving {@code count} copies of {@code document}, by {@code who} at {@code when}. */
    public static LedgerEntry approval(String document, int count, String who, String when, String why) {
        return new LedgerEntry(State.APPROVED, document, null, null, null, null, null, when, why, who, null, count);
    }

    /** True for a line about the document as a whole (an approval), not one of its copies. */
    public boolean documentLine() {
        return state == State.APPROVED;
    }

    /** The copy's key in the ledger: document and number. */
    String key() {
        return document + "#" + copy;
    }
}
