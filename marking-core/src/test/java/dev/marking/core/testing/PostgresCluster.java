package dev.marking.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.Driver;

/**
 * A throwaway PostgreSQL server for tests, from Debian's {@code postgresql} package: {@code initdb} and
 * {@code pg_ctl} under {@code /usr/lib/postgresql/N/bin}, a cluster in a temporary folder listening on a
 * free port of 127.0.0.1 only, with password (SCRAM) authentication for the user {@code marking}. The
 * server refuses to run as root, so as root the cluster belongs to the {@code postgres} user (which the
 * package creates) or {@code nobody}, and its programs run through {@code runuser}. One cluster serves
 * every test of a JVM; it is stopped when the JVM exits. The JVM logs in through a {@code .pgpass} file
 * ({@code org.postgresql.pgpassfile}), processes it starts through {@code PGPASSWORD}.
 */
public final class PostgresCluster {

    /** The user the tests connect as. */
    public static final String USER = "marking";
    private static final String PASSWORD = "throwaway-" + Long.toHexString(System.nanoTime());
    private static PostgresCluster shared;

    private final Path dir;
    private final int port;
    private final List<String> runAs;
    private final Path bin;

    private PostgresCluster(Path dir, int port, List<String> runAs, Path bin) {
        this.dir = dir;
        this.port = port;
        this.runAs = runAs;
        this.bin = bin;
    }

    /**
     * The JVM's cluster, started on first use; aborts the test (fails it under {@code CI}) naming what is
     * {@code notChecked} when the server programs are missing or will not start here.
     */
    public static synchronized PostgresCluster shared(String notChecked) {
        if (shared == null) {
            Optional<Path> bin = serverPrograms();
            if (bin.isEmpty()) {
                ExternalTools.unavailable("the PostgreSQL server (Debian package postgresql: initdb, pg_ctl) is not"
                        + " installed; " + notChecked + " not checked");
            }
            try {
                shared = start(bin.get());
            } catch (IOException e) {
                ExternalTools.unavailable("cannot start a PostgreSQL server here (" + e.getMessage() + "); "
                        + notChecked + " not checked");
            }
            PostgresCluster c = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
        }
        return shared;
    }

    /** The newest {@code initdb} + {@code pg_ctl} of Debian's layout, or on PATH. */
    private static Optional<Path> serverPrograms() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return ExternalTools.find("pg_ctl", "the PostgreSQL ledger").map(Path::getParent)
                .filter(b -> Files.isExecutable(b.resolve("initdb")));
    }

    private static int version(String name) {
        return name.matches("\\d{1,4}") ? Integer.parseInt(name) : 0;
    }

    private static PostgresCluster start(Path bin) throws IOException {
        Path dir = Files.createTempDirectory("marking-pg-");
        List<String> runAs = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = userExists("postgres") ? "postgres" : "nobody";
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(user));
            runAs.addAll(List.of("runuser", "-u", user, "--"));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path pw = dir.resolve("pw");
        Files.writeString(pw, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (!runAs.isEmpty()) {
            Files.setOwner(pw, Files.getOwner(dir));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // In-process readers (LedgerStore.open) log in through .pgpass as an operator would; child processes get
        // PGPASSWORD (environment()).
        Path pgpass = Files.createTempFile("marking-pgpass-", "");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(pgpass, "127.0.0.1:" + port + ":*:" + USER + ":" + PASSWORD + "\n", StandardCharsets.UTF_8);
        pgpass.toFile().deleteOnExit();
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        PostgresCluster c = new PostgresCluster(dir, port, runAs, bin);
        c.run(120, "initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + pw, "--auth=scram-sha-256",
                "-E", "UTF8", "--locale=C", "--no-sync");
        c.run(120, "pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
        return c;
    }

    private static boolean userExists(String user) {
        try {
            Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(int seconds, String program, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(runAs);
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("marking-pg-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(program + " did not finish in " + seconds + " s");
            }
            if (p.exitValue() != 0) {
                String out = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new IOException(program + " exited with " + p.exitValue() + ": "
                        + out.substring(Math.max(0, out.length() - 600)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The URL of database {@code name}, without the password. */
    public String url(String name) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + name;
    }

    /** A JDBC connection to database {@code name} as {@link #USER}. */
    public Connection connect(String name) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return new Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + name, p);
    }

    /** The environment a client needs for the password: {@code PGPASSWORD}. */
    public Map<String, String> environment() {
        return Map.of("PGPASSWORD", PASSWORD);
    }

    /** The password, for a test that writes a {@code .pgpass} file. */
    public String password() {
        return PASSWORD;
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    private void stop() {
        try {
            run(60, "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException e) {
            // the cluster's folder is removed below all the same; a server still running dies with the files
            System.err.println("marking tests: stopping the PostgreSQL test server: " + e.getMessage());
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("marking tests: removing " + dir + ": " + e.getMessage());
        }
    }
}
