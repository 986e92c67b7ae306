package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-time pairing code and the session cookie it is exchanged for: the task pane's way in, with no token in a URL. */
class PairingTest {

    @TempDir
    Path folder;

    private RunningBridge b;

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
    }

    private HttpResponse<String> pair(String code) throws Exception {
        return b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/pair")).header(Pairing.CODE_HEADER, code)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> health(String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(b.uri("/api/v1/health"));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return b.client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code name=value} of a Set-Cookie answer. */
    private static String cookieOf(HttpResponse<?> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    @Test
    void aCodeIsExchangedOnceForAnHttpOnlyStrictSessionCookie() throws Exception {
        b = RunningBridge.http(folder);
        String code = b.bridge.pairingCode();
        assertTrue(code.matches("[0-9]{4}-[0-9]{4}"), code);
        assertEquals(401, health(null).statusCode());

        var paired = pair(code);
        assertEquals(200, paired.statusCode(), paired.body());
        String set = paired.headers().firstValue("Set-Cookie").orElseThrow();
        System.out.println("pairing answer: Set-Cookie: " + set.replaceAll("=[A-Za-z0-9_-]{43}", "=…"));
        for (String attribute : List.of("HttpOnly", "SameSite=Strict", "Path=/api/v1/", "Max-Age=")) {
            assertTrue(set.contains(attribute), set);
        }
        assertFalse(set.contains(b.token), "the install's token is never handed out");
        String cookie = cookieOf(paired);
        assertEquals(200, health(cookie).statusCode(), "the cookie opens the API");
        assertEquals(401, health(cookie + "x").statusCode());

        assertEquals(403, pair(code).statusCode(), "a used code is refused");
        assertNotEquals(code, b.bridge.pairingCode(), "a new code for the next pane");
        assertTrue(b.logText().contains("the code for the next one is " + b.bridge.pairingCode()), b.logText());
        assertEquals(b.bridge.pairingCode(), Files.readString(folder.resolve(Pairing.CODE_FILE)).strip());
        for (String f : List.of(Pairing.CODE_FILE, Pairing.SESSIONS_FILE)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(f))));
        }
        assertFalse(Files.readString(folder.resolve(Pairing.SESSIONS_FILE)).contains(cookie.substring(cookie.indexOf('=') + 1)),
                "only a hash of the session is stored");

        b.close();
        b = RunningBridge.http(folder);
        assertEquals(200, health(cookie).statusCode(), "sessions survive a restart");
    }

    @Test
    void codesAreTypedWithOrWithoutTheDashAndTheSessionCookieIsSecureOverHttps() throws Exception {
        b = RunningBridge.http(folder);
        assertEquals(200, pair(" " + b.bridge.pairingCode().replace("-", " ") + " ").statusCode());
        b.close();
        b = new RunningBridge(BridgeConfig.defaults(0, folder), BridgeHttpsTest.trusting(
                LocalCertificate.loadOrCreate(folder).pem()));
        var paired = pair(b.bridge.pairingCode().replace("-", ""));
        assertEquals(200, paired.statusCode());
        assertTrue(paired.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
    }

    @Test
    void wrongCodesAreThrottledAndFiveOfThemReplaceTheCode() throws Exception {
        b = RunningBridge.http(folder);
        String code = b.bridge.pairingCode();
        String wrong = code.equals("0000-0000") ? "1111-1111" : "0000-0000";
        assertEquals(403, pair(wrong).statusCode());
        var throttled = pair(code);
        assertEquals(429, throttled.statusCode(), "even the right code waits a second after a wrong one");
        assertTrue(throttled.body().contains("pairing.throttled"), throttled.body());
        for (int i = 1; i < Pairing.ATTEMPTS; i++) {
            Thread.sleep(Pairing.THROTTLE.toMillis() + 50);
            assertEquals(403, pair(wrong).statusCode());
        }
        assertNotEquals(code, b.bridge.pairingCode(), "after " + Pairing.ATTEMPTS + " wrong codes the code is replaced");
        Thread.sleep(Pairing.THROTTLE.toMillis() + 50);
        assertEquals(403, pair(code).statusCode(), "the old code is dead");
        assertTrue(b.logText().contains("wrong pairing codes; the code is now " + b.bridge.pairingCode()), b.logText());
    }

    @Test
    void pairingPassesTheOriginGuardAndNeverReadsABody() throws Exception {
        b = RunningBridge.http(folder);
        var foreign = b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/pair")).header(Pairing.CODE_HEADER,
                b.bridge.pairingCode()).header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode());
        var sameSite = b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/pair")).header(Pairing.CODE_HEADER,
                b.bridge.pairingCode()).header("Sec-Fetch-Site", "same-site").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, sameSite.statusCode(), "another localhost port's page may not pair");
        assertTrue(foreign.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(405, b.get("/api/v1/pair").statusCode());
        String status = b.raw("POST /api/v1/pair HTTP/1.1\nHost: 127.0.0.1:" + b.bridge.port() + "\n" + Pairing.CODE_HEADER
                + ": 1\nContent-Length: 100000\n\nonly this");
        assertTrue(status.contains(" 403"), status);
    }

    @Test
    void theTokenHeaderStillWorksForScripts() throws Exception {
        b = RunningBridge.http(folder);
        assertEquals(200, b.get("/api/v1/health").statusCode());
        assertEquals(401, b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/health")).header(RequestGuard.TOKEN_HEADER,
                "x".repeat(43)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        var r = b.post("/api/v1/verify", "a.md", Documents.unmarked(), Map.of("Cookie", Pairing.COOKIE + "=forged"));
        assertEquals(401, r.statusCode());
    }
}
