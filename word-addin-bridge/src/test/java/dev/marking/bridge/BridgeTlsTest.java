package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.ExternalTools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, acceptance 4: the bridge offers TLS 1.3 and TLS 1.2 with ECDHE and AEAD ciphers only. Every cipher
 * suite this JVM's client can offer is tried alone; OpenSSL tries the old protocol versions Java will not.
 */
class BridgeTlsTest {

    /** Suites a scan of the old bridge found, each a reason for issue 18: static RSA key exchange and CBC with SHA-1. */
    private static final List<String> FORBIDDEN = List.of("TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");

    @TempDir
    static Path folder;

    private static RunningBridge b;

    @BeforeAll
    static void start() throws IOException {
        b = RunningBridge.https(BridgeConfig.defaults(0, folder));
    }

    @AfterAll
    static void stop() {
        b.close();
    }

    /** How a handshake offering only {@code suite} over {@code protocol} ended. */
    private enum Result { ACCEPTED, REFUSED_BY_SERVER, NOT_OFFERED_BY_CLIENT }

    private static Result handshake(String protocol, String suite) throws IOException {
        SSLContext tls = b.tls();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", b.bridge.port()), 5_000);
            plain.setSoTimeout(5_000);
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", b.bridge.port(), false)) {
                s.setEnabledProtocols(new String[] {protocol});
                s.setEnabledCipherSuites(new String[] {suite});
                s.startHandshake();
                assertEquals(suite, s.getSession().getCipherSuite());
                assertEquals(protocol, s.getSession().getProtocol());
                return Result.ACCEPTED;
            } catch (SSLHandshakeException e) {
                String m = String.valueOf(e.getMessage());
                if (m.contains("Received fatal alert")) {
                    return Result.REFUSED_BY_SERVER;
                }
                if (m.contains("No appropriate protocol") || m.contains("no cipher suites in common")) {
                    return Result.NOT_OFFERED_BY_CLIENT;
                }
                throw e;
            }
        }
    }

    private static String protocolOf(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_") ? "TLSv1.3" : "TLSv1.2";
    }

    @Test
    void onlyTheAllowedSuitesAreAccepted() throws Exception {
        String[] all = b.tls().getSupportedSSLParameters().getCipherSuites();
        Set<String> accepted = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        List<String> notOffered = new ArrayList<>();
        for (String suite : all) {
            if (suite.startsWith("TLS_EMPTY_")) {
                continue;
            }
            switch (handshake(protocolOf(suite), suite)) {
                case ACCEPTED -> accepted.add(suite);
                case REFUSED_BY_SERVER -> refused.add(suite);
                default -> notOffered.add(suite);
            }
        }
        System.out.println("TLS: " + all.length + " suites this JVM knows; accepted " + accepted + "; refused by the bridge "
                + refused.size() + "; not offered by this client (disabled in the JVM) " + notOffered.size());
        assertEquals(new TreeSet<>(ServerTls.CIPHER_SUITES), accepted);
        for (String suite : FORBIDDEN) {
            assertTrue(refused.contains(suite), suite + " must be offered by the client and refused by the bridge");
        }
    }

    @Test
    void allowedSuitesWorkAsAClientWouldUseThem() throws Exception {
        assertEquals(Result.ACCEPTED, handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertEquals(Result.ACCEPTED, handshake("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
        assertEquals(Result.REFUSED_BY_SERVER, handshake("TLSv1.2", "TLS_RSA_WITH_AES_128_CBC_SHA"));
        assertEquals(Result.REFUSED_BY_SERVER, handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
    }

    /** OpenSSL with its own defaults lowered, so that only the bridge can refuse. */
    private static String openssl(String... args) throws Exception {
        Path program = ExternalTools.require("openssl", "old TLS versions refused by the bridge (Java will not offer them)");
        List<String> cmd = new ArrayList<>(List.of(program.toString(), "s_client", "-connect",
                "127.0.0.1:" + b.bridge.port(), "-brief"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // No system configuration: Debian's would refuse TLS 1.1 on the client side already.
        pb.environment().put("OPENSSL_CONF", "/dev/null");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openssl s_client hung");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + "\nexit " + p.exitValue();
    }

    @Test
    void oldProtocolsAndWeakSuitesAreRefusedAccordingToOpenSsl() throws Exception {
        String ok12 = openssl("-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256");
        assertTrue(ok12.contains("Protocol version: TLSv1.2") && ok12.contains("ECDHE-RSA-AES128-GCM-SHA256"), ok12);
        String ok13 = openssl("-tls1_3");
        assertTrue(ok13.contains("Protocol version: TLSv1.3"), ok13);
        for (String[] refused : List.of(new String[] {"-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"},
                new String[] {"-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"},
                new String[] {"-tls1_2", "-cipher", "AES128-SHA:@SECLEVEL=0"},
                new String[] {"-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0"},
                new String[] {"-tls1_2", "-cipher", "AES256-GCM-SHA384"})) {
            String out = openssl(refused);
            System.out.println("openssl " + String.join(" ", refused) + " -> "
                    + out.lines().filter(l -> l.contains("alert") || l.startsWith("exit")).toList());
            assertTrue(out.contains("alert") && !out.contains("Protocol version:"), String.join(" ", refused) + ": " + out);
        }
    }
}
