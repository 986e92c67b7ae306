package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marking bridge}: its options and refusals, and how it stops (the service itself is tested in word-addin-bridge). */
class BridgeCommandTest {

    @TempDir
    Path home;

    @Test
    void helpNamesTheOptions() {
        CliRun r = CliRun.of("bridge", "--help");
        assertEquals(0, r.exit());
        for (String option : new String[] {"--port", "--insecure-http", "--policy", "--office-js", "--sign",
            "--sign-alias", "--sign-password-env"}) {
            assertTrue(r.out().contains(option), r.out());
        }
        assertTrue(r.out().contains("pairing code"), r.out());
        assertTrue(CliRun.of("--help").out().contains("bridge"));
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun r = CliRun.of("bridge", "--port", "70000", "--insecure-http");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--port"), r.err());
    }

    @Test
    void signNeedsItsPasswordVariableAndAKeyThatOpens() throws IOException {
        CliRun noVar = CliRun.of("bridge", "--port", "0", "--insecure-http", "--sign", "office.p12");
        assertEquals(2, noVar.exit());
        assertTrue(noVar.err().contains("--sign needs --sign-password-env VAR"), noVar.err());
        CliRun unset = CliRun.of("bridge", "--port", "0", "--insecure-http", "--sign", "office.p12",
                "--sign-password-env", "MARKING_TEST_NO_SUCH_VARIABLE");
        assertEquals(2, unset.exit());
        assertTrue(unset.err().contains("MARKING_TEST_NO_SUCH_VARIABLE: the variable is not set"), unset.err());
        // PATH is always set: the keystore (not a PKCS#12 file) does not open, and the bridge does not start.
        Path bogus = Files.writeString(home.resolve("bogus.p12"), "not a keystore");
        CliRun bad = CliRun.of("bridge", "--port", "0", "--insecure-http", "--sign", bogus.toString(),
                "--sign-password-env", "PATH");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("cannot open the signing key"), bad.err());
        assertFalse(bad.out().contains("listening"), bad.out());
    }

    /** {@code marking bridge ARGS} as a process, with its config and temp folders under {@code home}. */
    private Process bridge(String... args) throws IOException {
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        List<String> bridge = new ArrayList<>(List.of("bridge"));
        bridge.addAll(List.of(args));
        List<String> cmd = ChildJvm.java(List.of("-Xmx512m", "-Djava.io.tmpdir=" + tmp), "dev.marking.cli.Main", bridge);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return pb.start();
    }

    private String read(String name) throws IOException {
        Path f = home.resolve(name);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    @Test
    void aTakenIpv6LoopbackPortIsRefusedInOneLine() throws Exception {
        Assumptions.assumeTrue(hasIpv6Loopback(), "this machine has no ::1");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            Process p = bridge("--port", Integer.toString(squatter.getLocalPort()), "--insecure-http");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), read("err.txt"));
            assertEquals(List.of("marking: [::1]:" + squatter.getLocalPort() + " is in use by another program; the bridge "
                    + "listens on every loopback address or not at all (stop that program or choose another --port)"),
                    read("err.txt").lines().toList());
            assertFalse(read("out.txt").contains("listening"), read("out.txt"));
        }
    }

    @Test
    void sigtermStopsTheBridgeAndRemovesItsUploadsFolder() throws Exception {
        Process p = bridge("--port", "0", "--insecure-http");
        try {
            for (int i = 0; i < 600 && !read("out.txt").contains("pairing code: "); i++) {
                Thread.sleep(100);
            }
            String banner = read("out.txt");
            assertTrue(banner.contains("pairing code: "), banner + read("err.txt"));
            assertTrue(banner.contains("listening on 127.0.0.1"), banner);
            assertFalse(read("err.txt").contains("SLF4J"), read("err.txt"));
            try (var uploads = Files.list(home.resolve("tmp"))) {
                assertEquals(1, uploads.filter(d -> d.getFileName().toString().startsWith("marking-bridge-")).count());
            }
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops marking bridge");
            try (var left = Files.list(home.resolve("tmp"))) {
                assertEquals(List.of(), left.toList(), "the uploads folder is removed on SIGTERM");
            }
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
