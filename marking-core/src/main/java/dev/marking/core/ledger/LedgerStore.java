package dev.marking.core.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a distribution ledger lives. Every store keeps the same promises: an append is written whole or
 * not at all, one session at a time holds the lock (across processes), and a torn end left by a crash or
 * a full disk is repaired (with a backup) by the next session. The copy life cycle on top of it
 * ({@link LedgerEntry.State}, {@link Recovery}) is the same for every store.
 */
public interface LedgerStore {

    /** The ledger in a JSON-lines file (created when first locked). */
    static LedgerStore file(Path file) {
        return new JsonlLedgerStore(file);
    }

    /** What the store names itself in messages (the file). */
    String name();

    /** The ledger as stored now, without waiting for a stamp run; a torn end is left out and named in its problems. */
    Ledger read() throws IOException;

    /**
     * Waits for the exclusive lock and opens a session that appends; a torn end is repaired first (the
     * session's {@link LedgerSession#repairs()} say what was done).
     */
    LedgerSession lock() throws IOException;

    /**
     * The ledger for looking a copy up (trace, presend): as stored, and when its end is torn, repaired
     * under the lock if the store can be written (its problems then say what was repaired).
     */
    default Ledger lookup() throws IOException {
        Ledger ledger = read();
        if (ledger.problems().isEmpty() || !writable()) {
            return ledger;
        }
        try (LedgerSession s = lock()) {
            return s.ledger();
        } catch (IOException e) {
            List<String> problems = new ArrayList<>(ledger.problems());
            problems.add(name() + ": could not be repaired now: " + e.getMessage());
            return new Ledger(ledger.lines(), problems);
        }
    }

    /** True when this process may write the store. */
    boolean writable();
}
