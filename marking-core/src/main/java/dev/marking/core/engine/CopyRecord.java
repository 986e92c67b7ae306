package dev.marking.core.engine;

import dev.marking.core.ledger.LedgerEntry;

/**
 * One line of the distribution ledger as the shells show it: a step in a copy's life, or a document's approval.
 *
 * @param state     {@code reserved}, {@code staged}, {@code issued}, {@code void}, {@code returned}, {@code destroyed}
 *                  or {@code approved}
 * @param document  the document id ({@code marking.id})
 * @param copy      six-digit copy number; null on an approval
 * @param recipient who received the copy, or null
 * @param file      the copy's file name, or null
 * @param time      when the line was written (ISO-8601 instant)
 * @param by        who returned, destroyed or approved; null for a stamp run's lines
 * @param witness   who witnessed a destruction, or null
 * @param approved  the approved number of copies on an approval; null otherwise
 * @param note      why, or null
 */
public record CopyRecord(String state, String document, String copy, String recipient, String file, String time,
        String by, String witness, Integer approved, String note) {

    static CopyRecord of(LedgerEntry e) {
        return new CopyRecord(e.state().id(), e.document(), e.copy(), e.recipient(), e.file(), e.time(), e.by(),
                e.witness(), e.approved(), e.note());
    }

    /** True when the copy has come back or is gone: it may go nowhere. */
    public boolean settled() {
        return state.equals("returned") || state.equals("destroyed");
    }
}
