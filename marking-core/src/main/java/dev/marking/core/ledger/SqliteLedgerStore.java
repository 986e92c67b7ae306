package dev.marking.core.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The ledger in an embedded SQLite database ({@code sqlite:PATH}), for one workstation. The database
 * runs in WAL mode with full synchronous commits, so a committed line survives a killed process or a
 * power cut, and readers (trace, presend) read while a stamp run writes. A session's lock is an
 * exclusive lock on {@code PATH.lock} beside the database, as the file store locks its file: SQLite's
 * own write lock ends with each transaction, while a stamp run must hold the ledger from its first
 * reservation to its last confirmation. The kernel drops the lock with the process that held it.
 */
final class SqliteLedgerStore extends JdbcLedgerStore {

    private static final String TABLE = "ledger_lines";
    private static final String APPEND_ONLY = "the ledger is append-only: its lines are never changed or removed";
    private static final int BUSY_MILLIS = 60_000;

    private final Path file;

    SqliteLedgerStore(Path file) {
        super(TABLE, null);
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "sqlite:" + file;
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public boolean writable() {
        return Files.isWritable(file);
    }

    @Override
    public Ledger read() throws IOException {
        return Files.exists(file) ? super.read() : new Ledger(List.of(), List.of());
    }

    @Override
    Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_MILLIS);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    @Override
    AutoCloseable acquire(Connection c) throws IOException {
        FileChannel ch = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = JsonlLedgerStore.lock(ch);
            return () -> {
                try (FileChannel closing = ch) {
                    lock.release();
                }
            };
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " document TEXT, copy TEXT, line TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_copy ON " + TABLE + " (document, copy)");
            for (String event : new String[] {"UPDATE", "DELETE"}) {
                s.execute("CREATE TRIGGER IF NOT EXISTS " + TABLE + "_no_" + event.toLowerCase(Locale.ROOT)
                        + " BEFORE " + event + " ON " + TABLE + " BEGIN SELECT RAISE(ABORT, '" + APPEND_ONLY + "'); END");
            }
        }
    }

    @Override
    boolean hasTable(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every commit waits for the disk (synchronous = FULL): SQLite will not change that inside a transaction. */
    @Override
    String unforced() {
        return null;
    }
}
