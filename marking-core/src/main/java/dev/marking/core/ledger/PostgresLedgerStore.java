package dev.marking.core.ledger;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import org.postgresql.Driver;

/**
 * The ledger on a shared PostgreSQL server ({@code postgresql://[USER@]HOST[:PORT]/DATABASE[?ledger=NAME]}),
 * the register several operators of a 文印室 share. Every ledger of a database is in one table, told
 * apart by its name ({@code ledger=}, {@code default} when not given); a session holds a session-level
 * advisory lock for its ledger on the connection that writes its lines, so the server drops the lock
 * when that connection ends — a killed run can never leave the ledger locked, and a run that lost its
 * connection can write nothing more. Each append is one committed transaction (synchronous commit, but
 * for a copy's confirmation: see {@link #unforced()}).
 *
 * <p>A password never appears in the URL (it would be on the command line, in shell history and in the
 * process list): it comes from the environment variable {@code PGPASSWORD} or from {@code ~/.pgpass}
 * ({@code PGPASSFILE}), which the driver reads. Other URL parameters ({@code sslmode}, {@code
 * currentSchema}, …) go to the driver as given.
 */
final class PostgresLedgerStore extends JdbcLedgerStore {

    private static final String TABLE = "marking_ledger";
    /** The first key of every advisory lock we take ("mark"); the second is the ledger's name hashed by the server. */
    private static final int LOCK_SPACE = 0x6d61726b;
    private static final String DEFAULT_LEDGER = "default";

    private final String name;
    private final String jdbcUrl;
    private final Properties properties;
    private final String ledger;

    private PostgresLedgerStore(String name, String jdbcUrl, Properties properties, String ledger) {
        super(TABLE, ledger);
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.ledger = ledger;
    }

    /**
     * The store {@code url} names; {@code environment} gives {@code PGPASSWORD}.
     *
     * @throws IllegalArgumentException when the URL is not one, or carries a password
     */
    static PostgresLedgerStore of(String url, Map<String, String> environment) {
        String rest = url.substring(url.indexOf("://") + 3);
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + ": not a PostgreSQL URL (postgresql://[USER@]HOST[:PORT]/DATABASE): "
                    + e.getMessage(), e);
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(url + ": a PostgreSQL ledger needs a host and a database"
                    + " (postgresql://[USER@]HOST[:PORT]/DATABASE)");
        }
        Properties props = new Properties();
        String user = uri.getRawUserInfo();
        if (user != null) {
            if (user.contains(":")) {
                throw new IllegalArgumentException(noPassword());
            }
            props.setProperty("user", decode(user));
        }
        String ledger = DEFAULT_LEDGER;
        StringJoiner query = new StringJoiner("&");
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.toLowerCase(Locale.ROOT).contains("password")) {
                    throw new IllegalArgumentException(noPassword());
                }
                if (key.equals("ledger")) {
                    ledger = value;
                } else if (key.equals("user")) {
                    props.setProperty("user", value);
                } else {
                    query.add(pair);
                }
            }
        }
        if (ledger.isBlank()) {
            throw new IllegalArgumentException(url + ": ledger= needs a name");
        }
        String password = environment.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        String jdbc = "jdbc:postgresql://" + uri.getRawAuthority().substring(user == null ? 0 : user.length() + 1)
                + uri.getRawPath() + (query.length() == 0 ? "" : "?" + query);
        String shown = "postgresql://" + uri.getRawAuthority() + uri.getRawPath()
                + (ledger.equals(DEFAULT_LEDGER) ? "" : "?ledger=" + ledger);
        return new PostgresLedgerStore(shown, jdbc, props, ledger);
    }

    private static String noPassword() {
        return "postgresql ledger URL with a password: never put one on the command line; set PGPASSWORD or"
                + " put it in ~/.pgpass (HOST:PORT:DATABASE:USER:PASSWORD, mode 0600)";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    Connection connect() throws SQLException {
        Connection c = new Driver().connect(jdbcUrl, properties);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + name);
        }
        return c;
    }

    @Override
    AutoCloseable acquire(Connection c) throws SQLException {
        call(c, "SELECT pg_advisory_lock(?, hashtext(?))");
        return () -> call(c, "SELECT pg_advisory_unlock(?, hashtext(?))");
    }

    private void call(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, ledger);
            ps.executeQuery().close();
        }
    }

    @Override
    void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // ledgers of one database share the table: whoever creates it holds this lock until commit
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK_SPACE + ", 0)");
        }
        if (hasTable(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " ledger text NOT NULL, document text, copy text, line text NOT NULL,"
                    + " written timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE INDEX " + TABLE + "_ledger ON " + TABLE + " (ledger, seq)");
            s.execute("CREATE OR REPLACE FUNCTION " + TABLE + "_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'the ledger is append-only: its lines are never changed or removed'; END $$");
            s.execute("CREATE TRIGGER " + TABLE + "_no_change BEFORE UPDATE OR DELETE ON " + TABLE
                    + " FOR EACH ROW EXECUTE FUNCTION " + TABLE + "_append_only()");
            s.execute("CREATE TRIGGER " + TABLE + "_no_truncate BEFORE TRUNCATE ON " + TABLE
                    + " FOR EACH STATEMENT EXECUTE FUNCTION " + TABLE + "_append_only()");
        }
    }

    @Override
    boolean hasTable(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * An asynchronous commit: visible at once and kept if this process dies; the server writes it to disk
     * within a fraction of a second, and the next synchronous commit (a forced append) flushes the log up
     * to it. Only a crash of the server itself in between loses it — a copy's confirmation, which recovery
     * writes again from the staged line.
     */
    @Override
    String unforced() {
        return "SET LOCAL synchronous_commit TO OFF";
    }
}
