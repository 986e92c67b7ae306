package dev.marking.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.ledger.LedgerEntry.State;
import dev.marking.core.testing.LedgerStores;
import dev.marking.core.testing.PostgresCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21, a register several operators share: the ledger by URL — a JSON-lines file, {@code sqlite:PATH}
 * or {@code postgresql://…} (a real server the tests start) — with the same promises in each: lines read
 * back exactly as written (stored as the file store's JSON text), one session at a time, no number taken
 * twice by concurrent sessions, and a history the database itself refuses to change.
 */
class LedgerStoresTest {

    @TempDir
    Path dir;

    static Stream<String> kinds() {
        return Stream.of(LedgerStores.KINDS);
    }

    /** A new empty ledger of {@code kind}, opened as {@code --ledger} would open it (with the server's password). */
    static LedgerStore store(String kind, Path dir) {
        String location = LedgerStores.location(kind, dir);
        return kind.equals("postgresql") ? PostgresLedgerStore.of(location, LedgerStores.environment(kind))
                : LedgerStore.open(location);
    }

    private static LedgerEntry entry(State state, String copy, String recipient, String note) {
        return new LedgerEntry(state, "doc-甲", copy, recipient, "通知." + copy + ".pdf", "/srv/out", state == State.RESERVED
                ? null : "ab".repeat(32), "2026-12-01T04:00:00Z", note, null, null, null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void linesAreReadBackExactlyAsWritten(String kind) throws Exception {
        LedgerStore store = store(kind, dir);
        assertTrue(store.read().lines().isEmpty(), "a new ledger is empty (and reading does not need it to exist)");
        List<LedgerEntry> written = List.of(entry(State.RESERVED, "000001", "张三（办公室）", null),
                entry(State.RESERVED, "000002", null, null), entry(State.STAGED, "000001", "张三（办公室）", null),
                entry(State.ISSUED, "000001", "张三（办公室）", null),
                entry(State.VOID, "000002", null, "a \"quoted\" note\nover two lines"));
        try (LedgerSession s = store.lock()) {
            assertTrue(s.repairs().isEmpty());
            s.append(written.subList(0, 2));
            s.append(written.subList(2, 3));
            s.appendUnforced(written.subList(3, 4));
            s.append(written.subList(4, 5));
            assertEquals(written, s.ledger().lines());
        }
        Ledger read = store.read();
        assertEquals(written, read.lines());
        assertTrue(read.problems().isEmpty());
        assertEquals(Set.of(1, 2), read.issued("doc-甲"));
        assertEquals(List.of("000001"), read.entries().stream().map(LedgerEntry::copy).toList());
        assertEquals(written, store.lookup().lines());
        if (!kind.equals("jsonl")) {
            List<String> expected = written.stream().map(JdbcLedgerStore::line).toList();
            assertEquals(expected, rawLines(kind, store), "each row holds the line as the file store writes it");
            assertTrue(expected.get(0).startsWith("{\"state\":\"reserved\",\"document\":\"doc-甲\",\"copy\":\"000001\""),
                    expected.get(0));
        }
    }

    /** Two sessions never overlap: the second waits until the first is closed (threads of one JVM, two connections). */
    @ParameterizedTest
    @MethodSource("kinds")
    void oneSessionAtATime(String kind) throws Exception {
        LedgerStore store = store(kind, dir);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> second;
            long released;
            try (LedgerSession first = store.lock()) {
                first.append(List.of(entry(State.RESERVED, "000001", null, null)));
                CountDownLatch asked = new CountDownLatch(1);
                second = pool.submit(() -> {
                    asked.countDown();
                    try (LedgerSession s = store.lock()) {
                        long got = System.nanoTime();
                        assertEquals(1, s.ledger().lines().size(), "the second session sees the first one's line");
                        return got;
                    }
                });
                asked.await();
                Thread.sleep(600);
                assertFalse(second.isDone(), "the second session waits for the lock");
                released = System.nanoTime();
            }
            assertTrue(second.get(30, TimeUnit.SECONDS) >= released, "the lock was taken after the first session closed");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Four sessions at once, each taking the next free number twenty times: no number is taken twice. */
    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentSessionsNeverTakeTheSameNumber(String kind) throws Exception {
        LedgerStore store = store(kind, dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        try (LedgerSession s = store.lock()) {
                            int next = s.ledger().issued("doc-甲").stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                            s.append(List.of(entry(State.RESERVED, String.format("%06d", next), null, null)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<LedgerEntry> lines = store.read().lines();
        assertEquals(80, lines.size());
        Set<String> copies = new HashSet<>();
        lines.forEach(e -> assertTrue(copies.add(e.copy()), "copy " + e.copy() + " taken twice"));
        assertTrue(copies.contains("000080"));
    }

    /** Events are never edited: the database refuses to change or remove a line, whoever asks. */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theDatabaseRefusesToChangeOrRemoveALine(String kind) throws Exception {
        LedgerStore store = store(kind, dir);
        try (LedgerSession s = store.lock()) {
            s.append(List.of(entry(State.RESERVED, "000001", "张三", null)));
        }
        List<String> before = rawLines(kind, store);
        List<String> refused = new ArrayList<>(List.of("UPDATE " + table(kind) + " SET line = '{}'",
                "DELETE FROM " + table(kind)));
        if (kind.equals("postgresql")) {
            refused.add("TRUNCATE " + table(kind));
        }
        try (Connection c = raw(kind, store); Statement st = c.createStatement()) {
            for (String sql : refused) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
        }
        assertEquals(before, rawLines(kind, store));
    }

    @Test
    void locationsNameTheirStore() {
        assertTrue(LedgerStore.open(dir.resolve("l.jsonl").toString()) instanceof JsonlLedgerStore);
        assertTrue(LedgerStore.open("file:" + dir.resolve("l.jsonl")) instanceof JsonlLedgerStore);
        LedgerStore sqlite = LedgerStore.open("sqlite:" + dir.resolve("l.db"));
        assertEquals("sqlite:" + dir.resolve("l.db"), sqlite.name());
        assertEquals(dir.resolve("l.db"), sqlite.file().orElseThrow());
        assertEquals(sqlite.name(), LedgerStore.open("jdbc:sqlite:" + dir.resolve("l.db")).name());
        LedgerStore pg = LedgerStore.open("postgresql://clerk@db.example:5433/register?ledger=office2&sslmode=require");
        assertEquals("postgresql://clerk@db.example:5433/register?ledger=office2", pg.name());
        assertTrue(pg.file().isEmpty(), "a server's ledger is no local file");
        for (String bad : List.of("mysql://db/x", "sqlite:", "postgresql://db.example", "postgresql://h/db?ledger=")) {
            assertThrows(IllegalArgumentException.class, () -> LedgerStore.open(bad), bad);
        }
    }

    @Test
    void aPasswordIsNeverTakenFromTheUrl() {
        for (String url : List.of("postgresql://clerk:secret@db/register", "postgresql://clerk@db/register?password=secret",
                "postgres://db/register?user=clerk&PASSWORD=secret")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LedgerStore.open(url), url);
            assertTrue(e.getMessage().contains("PGPASSWORD") && e.getMessage().contains("~/.pgpass"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), "the message does not repeat the password");
        }
    }

    /** Without PGPASSWORD the driver reads the password from a .pgpass file (PGPASSFILE); without either, no login. */
    @Test
    void thePasswordComesFromPgpassWhenNotInTheEnvironment() throws Exception {
        String location = LedgerStores.location("postgresql", dir);
        PostgresCluster server = PostgresCluster.shared("the PostgreSQL ledger's .pgpass login");
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + server.port() + ":*:" + PostgresCluster.USER + ":" + server.password()
                + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String key = "org.postgresql.pgpassfile";
        String before = System.getProperty(key);
        try {
            System.setProperty(key, dir.resolve("none").toString());
            IOException e = assertThrows(IOException.class, () -> PostgresLedgerStore.of(location, Map.of()).read());
            assertTrue(e.getMessage().contains("password"), e.getMessage());
            System.setProperty(key, pgpass.toString());
            assertTrue(PostgresLedgerStore.of(location, Map.of()).read().lines().isEmpty());
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    private static String table(String kind) {
        return kind.equals("sqlite") ? "ledger_lines" : "marking_ledger";
    }

    private static Connection raw(String kind, LedgerStore store) throws SQLException {
        if (kind.equals("sqlite")) {
            return DriverManager.getConnection("jdbc:sqlite:" + store.file().orElseThrow());
        }
        return PostgresCluster.shared("the PostgreSQL ledger").connect("ledger");
    }

    /** The {@code line} column of the store's rows, in order. */
    private static List<String> rawLines(String kind, LedgerStore store) throws SQLException {
        String where = kind.equals("sqlite") ? "" : " WHERE ledger = '"
                + store.name().substring(store.name().indexOf("?ledger=") + 8) + "'";
        List<String> out = new ArrayList<>();
        try (Connection c = raw(kind, store); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT line FROM " + table(kind) + where + " ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
