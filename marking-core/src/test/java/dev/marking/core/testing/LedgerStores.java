package dev.marking.core.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ledger stores a test runs against, by kind: {@code jsonl} (a file), {@code sqlite} (a database file)
 * and {@code postgresql} (a ledger of its own on the JVM's {@link PostgresCluster}).
 */
public final class LedgerStores {

    /** Every kind, for {@code @MethodSource}. */
    public static final String[] KINDS = {"jsonl", "sqlite", "postgresql"};
    private static final AtomicInteger LEDGERS = new AtomicInteger();

    private LedgerStores() {
    }

    /**
     * A location ({@code --ledger}) for a new, empty ledger of {@code kind}: a file in {@code dir}, or a new
     * ledger on the test server (skipped with a reason where there is none, failed under {@code CI}).
     */
    public static String location(String kind, Path dir) {
        return switch (kind) {
            case "jsonl" -> dir.resolve("ledger.jsonl").toString();
            case "sqlite" -> "sqlite:" + dir.resolve("ledger.db");
            case "postgresql" -> postgres().url("ledger") + "?ledger=t" + ProcessHandle.current().pid() + "-"
                    + LEDGERS.incrementAndGet();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** What a process needs in its environment to open {@code kind}'s ledgers (the server's password). */
    public static Map<String, String> environment(String kind) {
        return kind.equals("postgresql") ? postgres().environment() : Map.of();
    }

    private static synchronized PostgresCluster postgres() {
        PostgresCluster c = PostgresCluster.shared("the PostgreSQL ledger");
        if (!databaseMade) {
            try (var conn = c.connect("postgres"); var s = conn.createStatement()) {
                s.execute("CREATE DATABASE ledger");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database: " + e.getMessage(), e);
            }
            databaseMade = true;
        }
        return c;
    }

    private static boolean databaseMade;
}
