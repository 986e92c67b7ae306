package dev.marking.core.ledger;

import java.io.IOException;
import java.util.List;

/** A session whose appends, forced or not, are one write: each store says how it forces one. */
abstract class AppendingSession implements LedgerSession {

    @Override
    public final void append(List<LedgerEntry> entries) throws IOException {
        write(entries, true);
    }

    @Override
    public final void appendUnforced(List<LedgerEntry> entries) throws IOException {
        write(entries, false);
    }

    /** Appends {@code entries} all or none, waiting for the disk when {@code force}. */
    abstract void write(List<LedgerEntry> entries, boolean force) throws IOException;
}
