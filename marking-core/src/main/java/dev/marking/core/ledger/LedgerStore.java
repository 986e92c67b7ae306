package dev.marking.core.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /**
     * The ledger {@code location} names: {@code sqlite:PATH} (an embedded SQLite database, one workstation),
     * {@code postgresql://[USER@]HOST[:PORT]/DATABASE[?ledger=NAME]} (a shared PostgreSQL server; the password
     * from {@code PGPASSWORD} or {@code ~/.pgpass}, never in the URL), or else the path of a JSON-lines file.
     *
     * @throws IllegalArgumentException when {@code location} is a URL of another kind, or a malformed one
     */
    static LedgerStore open(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return open(location.substring(5));
        }
        if (lower.startsWith("sqlite:")) {
            String path = location.substring(7);
            if (path.isBlank()) {
                throw new IllegalArgumentException(location + ": sqlite:PATH needs the database file's path");
            }
            return new SqliteLedgerStore(Path.of(path.startsWith("//") ? path.substring(2) : path));
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return PostgresLedgerStore.of(location, System.getenv());
        }
        if (lower.matches("[a-z][a-z0-9+.-]+:.*") && !lower.startsWith("file:")) {
            throw new IllegalArgumentException(location + ": not a ledger this version keeps (a .jsonl file,"
                    + " sqlite:PATH or postgresql://HOST/DATABASE)");
        }
        return file(Path.of(lower.startsWith("file:") ? location.substring(5) : location));
    }

    /** What the store names itself in messages (the file, or the URL without credentials). */
    String name();

    /** The local file the ledger is kept in (never an output of a run); empty for a server. */
    Optional<Path> file();

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
