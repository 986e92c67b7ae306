package dev.marking.core.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A ledger held under its exclusive lock until closed: read it, append to it. */
public interface LedgerSession extends Closeable {

    /** The ledger as of the lock, with everything appended since; its problems are the {@link #repairs()}. */
    Ledger ledger();

    /** What was repaired when the lock was taken (a torn last line, with the backup kept); empty when nothing. */
    List<String> repairs();

    /** The store's name for messages. */
    String name();

    /**
     * Appends {@code entries} durably, all or none: when writing fails part-way, what was written is taken
     * back before the failure is thrown.
     */
    void append(List<LedgerEntry> entries) throws IOException;

    /**
     * Appends like {@link #append} (all or none) but leaves forcing it to disk to the next forced append or
     * to closing: for lines recovery can write again if they are lost (a copy's confirmation).
     */
    void appendUnforced(List<LedgerEntry> entries) throws IOException;
}
