package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with the generated certificate, the owner-only config folder, and loopback-only binding. */
class BridgeHttpsTest {

    @TempDir
    Path home;

    static HttpClient trusting(Path pem) throws Exception {
        return HttpClient.newBuilder().sslContext(RunningBridge.trust(pem)).build();
    }

    @Test
    void servesHttpsWithAGeneratedCertificateKeptOwnerOnly() throws Exception {
        Path folder = home.resolve("config/marking");
        BridgeConfig config = BridgeConfig.defaults(0, folder);
        String serial;
        try (Bridge bridge = Bridge.start(config.withLog(System.out))) {
            assertEquals("https", bridge.url().getScheme());
            Path pem = bridge.certificateFile().orElseThrow();
            for (String f : List.of(AccessToken.FILE_NAME, LocalCertificate.KEYSTORE, LocalCertificate.PEM)) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(f))), f);
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            String token = Files.readString(bridge.tokenFile()).strip();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url");

            HttpClient client = trusting(pem);
            for (String host : List.of("127.0.0.1", "localhost")) {
                var ok = client.send(HttpRequest.newBuilder(bridge.url().resolve("/api/v1/health").resolve(
                        "https://" + host + ":" + bridge.port() + "/api/v1/health")).header("X-Marking-Token", token).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ok.statusCode(), host);
            }
            var refused = client.send(HttpRequest.newBuilder(bridge.url().resolve("/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(bridge.url().resolve("/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString()), "an untrusted client must not connect");
            assertTrue(String.join("\n", bridge.banner()).contains("url: https://127.0.0.1:" + bridge.port() + "/"));
            assertTrue(String.join("\n", bridge.banner()).contains("token: " + bridge.tokenFile()));
            serial = Files.readString(pem);
        }
        try (Bridge again = Bridge.start(config.withLog(System.out))) {
            assertEquals(serial, Files.readString(again.certificateFile().orElseThrow()), "the certificate is kept");
        }
    }

    @Test
    void widenedFilesAreMadeOwnerOnlyAgain() throws Exception {
        Path folder = home.resolve("m");
        try (Bridge bridge = Bridge.start(BridgeConfig.defaults(0, folder).withHttps(false).withLog(System.out))) {
            Files.setPosixFilePermissions(bridge.tokenFile(), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (Bridge bridge = Bridge.start(BridgeConfig.defaults(0, folder).withHttps(false).withLog(System.out))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bridge.tokenFile())));
        }
    }

    @Test
    void refusesToBindAnythingButLoopback() throws Exception {
        InetAddress any = InetAddress.getByAddress(new byte[] {0, 0, 0, 0});
        InetAddress lan = InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 10});
        for (InetAddress a : List.of(any, lan)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BridgeConfig.defaults(0, home).withAddresses(List.of(a)));
            assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        }
        try (Bridge bridge = Bridge.start(BridgeConfig.defaults(0, home).withHttps(false).withLog(System.out))) {
            assertTrue(bridge.addresses().stream().allMatch(InetAddress::isLoopbackAddress));
            assertNotEquals(0, bridge.port());
        }
    }

    @Test
    void percentCodingRoundTripsAndRejectsBadInput() {
        for (String s : List.of("报告.docx", "a b+c&d=e.md", "100%.txt", "(1)!~*'.pdf")) {
            assertEquals(s, PercentCoding.decode(PercentCoding.encode(s)));
        }
        assertThrows(IllegalArgumentException.class, () -> PercentCoding.decode("%zz"));
        assertThrows(IllegalArgumentException.class, () -> PercentCoding.decode("报告"));
        assertEquals(Map.of("level", "机密", "term", "5"), PercentCoding.query("level=%E6%9C%BA%E5%AF%86&term=5"));
    }
}
