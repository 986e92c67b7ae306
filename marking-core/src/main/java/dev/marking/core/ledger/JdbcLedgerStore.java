package dev.marking.core.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger in a database table, one row per ledger line: a sequence number, the document and copy the
 * line is about, and the line itself as the JSON text the file store writes ({@link LedgerLines}), so
 * every kind of line the file holds is held here without a schema change, and read back through the
 * same parser. Rows are only ever inserted: the table refuses updates and deletes (a trigger), so the
 * history stays append-only even against a careless client. An append is one transaction, committed
 * before it returns; the lock a session holds is the subclass's (a lock file beside a SQLite database,
 * an advisory lock on the PostgreSQL server) and ends with the process that held it.
 */
abstract class JdbcLedgerStore implements LedgerStore {

    private final String table;
    private final String ledger;

    /**
     * A store in {@code table}; {@code ledger} names this ledger's rows when the table holds several (a
     * {@code ledger} column), null when it holds one.
     */
    JdbcLedgerStore(String table, String ledger) {
        this.table = table;
        this.ledger = ledger;
    }

    /** A new connection to the database. */
    abstract Connection connect() throws SQLException;

    /** Creates the table and its append-only triggers if missing; called under the ledger's lock. */
    abstract void createSchema(Connection c) throws SQLException;

    /** True when the ledger's table exists (a reader never creates it). */
    abstract boolean hasTable(Connection c) throws SQLException;

    private String selectLines() {
        return "SELECT line FROM " + table + (ledger == null ? "" : " WHERE ledger = ?") + " ORDER BY seq";
    }

    private String insertLine() {
        return "INSERT INTO " + table + (ledger == null ? " (document, copy, line) VALUES (?, ?, ?)"
                : " (ledger, document, copy, line) VALUES (?, ?, ?, ?)");
    }

    /** Binds this ledger's name when the table holds several; returns the next parameter index. */
    private int bind(PreparedStatement ps) throws SQLException {
        if (ledger == null) {
            return 1;
        }
        ps.setString(1, ledger);
        return 2;
    }

    /**
     * A statement that lets the current transaction commit without waiting for the disk (for {@link
     * LedgerSession#appendUnforced}), or null when the store always waits.
     */
    abstract String unforced();

    /** Takes the ledger's lock for a session over {@code c}, waiting for it; the returned handle releases it. */
    abstract AutoCloseable acquire(Connection c) throws IOException, SQLException;

    @Override
    public Ledger read() throws IOException {
        try (Connection c = connect()) {
            return new Ledger(lines(c), List.of());
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    public LedgerSession lock() throws IOException {
        Connection c = null;
        AutoCloseable held = null;
        try {
            c = connect();
            held = acquire(c);
            c.setAutoCommit(false);
            createSchema(c);
            c.commit();
            return new Session(c, held, lines(c));
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(held, e);
            closeQuietly(c, e);
            if (e instanceof SQLException sql) {
                throw failure("cannot lock", sql);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e;
        }
    }

    /** Every line of the ledger, parsed as the file store parses its lines. */
    private List<LedgerEntry> lines(Connection c) throws SQLException, IOException {
        if (!hasTable(c)) {
            return List.of();
        }
        StringBuilder all = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(selectLines())) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.append(rs.getString(1)).append('\n');
                }
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return LedgerLines.parse(Path.of(name()), all.toString().getBytes(StandardCharsets.UTF_8)).entries();
    }

    IOException failure(String what, SQLException e) {
        return new IOException(name() + ": " + what + " the ledger (" + e.getMessage() + ")", e);
    }

    private static void closeQuietly(AutoCloseable c, Exception failure) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception t) {
            failure.addSuppressed(t);
        }
    }

    /** One session: the connection that holds the lock writes every line, one transaction per append. */
    private final class Session extends AppendingSession {

        private final Connection connection;
        private final AutoCloseable held;
        private final List<LedgerEntry> lines;

        Session(Connection connection, AutoCloseable held, List<LedgerEntry> lines) {
            this.connection = connection;
            this.held = held;
            this.lines = new ArrayList<>(lines);
        }

        @Override
        public synchronized Ledger ledger() {
            return new Ledger(lines, List.of());
        }

        @Override
        public List<String> repairs() {
            return List.of();
        }

        @Override
        public String name() {
            return JdbcLedgerStore.this.name();
        }

        /**
         * One transaction, committed before it returns; unless {@code force}, committed (visible to every reader,
         * kept when this process is killed) without waiting for the disk where the store allows it, and the next
         * forced append's commit writes it to disk with its own.
         */
        @Override
        synchronized void write(List<LedgerEntry> entries, boolean force) throws IOException {
            if (entries.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement(insertLine())) {
                if (!force && unforced() != null) {
                    try (Statement st = connection.createStatement()) {
                        st.execute(unforced());
                    }
                }
                for (LedgerEntry e : entries) {
                    int i = bind(ps);
                    ps.setString(i, e.document());
                    ps.setString(i + 1, e.copy());
                    ps.setString(i + 2, line(e));
                    ps.addBatch();
                }
                ps.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw failure("cannot write to", e);
            }
            lines.addAll(entries);
        }

        @Override
        public synchronized void close() throws IOException {
            try (Connection c = connection) {
                held.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(name() + ": cannot release the ledger's lock (" + e.getMessage() + ")", e);
            }
        }
    }

    /** The JSON text of one entry, as one line of the file store (without its newline). */
    static String line(LedgerEntry e) {
        String text = new String(LedgerLines.encode(List.of(e)), StandardCharsets.UTF_8);
        return text.substring(0, text.length() - 1);
    }
}
