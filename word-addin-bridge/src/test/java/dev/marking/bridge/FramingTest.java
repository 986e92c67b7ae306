package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, acceptance 4: no answer of the bridge can be shown in a frame of a foreign page. Pages may be framed
 * by the bridge itself and Office's hosts only ({@code frame-ancestors}); every other answer by nobody
 * ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}), Jetty's own error answers included.
 */
class FramingTest {

    @TempDir
    Path folder;

    private RunningBridge b;
    private String host;

    @BeforeEach
    void start() throws IOException {
        FormatRegistry formats = FormatRegistry.standard().with(TestFormat.sleeping("stall", Duration.ofSeconds(10)));
        b = RunningBridge.http(BridgeConfig.defaults(0, folder).withFormats(formats).withTimeout(Duration.ofSeconds(3)));
        host = "Host: 127.0.0.1:" + b.bridge.port() + "\n";
    }

    @AfterEach
    void stop() {
        b.close();
    }

    private RawHttp.Answer raw(String request) throws IOException {
        return RawHttp.exchange(b.bridge.port(), null, request);
    }

    private String token() {
        return "X-Marking-Token: " + b.token + "\n";
    }

    private String post(String path, String name, String body) {
        return "POST " + path + " HTTP/1.1\n" + host + token() + DocumentName.HEADER + ": " + name + "\nContent-Length: "
                + body.length() + "\nConnection: close\n\n" + body;
    }

    @Test
    void everyKindOfAnswerForbidsForeignFrames() throws Exception {
        String unmarked = new String(Documents.unmarked(), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> requests = new LinkedHashMap<>();
        String get = "GET %s HTTP/1.1\n" + host + "%sConnection: close\n\n";
        requests.put("api 200", get.formatted("/api/v1/health", token()));
        requests.put("api 200 policy", get.formatted("/api/v1/policy", token()));
        requests.put("api 401", get.formatted("/api/v1/health", ""));
        requests.put("api 404", get.formatted("/api/v1/nothing", token()));
        requests.put("api 405", get.formatted("/api/v1/verify", token()));
        requests.put("api 403 origin", get.formatted("/api/v1/health", token() + "Origin: https://evil.example\n"));
        requests.put("api 421 host", "GET /api/v1/health HTTP/1.1\nHost: evil.example\nConnection: close\n\n");
        requests.put("api 400 bad name", post("/api/v1/verify", "..", unmarked));
        requests.put("api 200 verify", post("/api/v1/verify", "a.md", unmarked));
        requests.put("api 200 stamp (document)", post("/api/v1/stamp?level=%E7%A7%98%E5%AF%86", "a.md", unmarked));
        requests.put("api 422", post("/api/v1/stamp?level=%E7%A7%98%E5%AF%86", "a.md", "\u0000\u0001binary"));
        requests.put("api 503 timeout", post("/api/v1/verify", "a.stall", "x"));
        requests.put("api 413", "POST /api/v1/verify HTTP/1.1\n" + host + token() + DocumentName.HEADER
                + ": a.md\nContent-Length: 999999999\n\n");
        requests.put("pair 403", "POST /api/v1/pair HTTP/1.1\n" + host + Pairing.CODE_HEADER + ": 1\nContent-Length: 0\n"
                + "Connection: close\n\n");
        requests.put("page 404", get.formatted("/addin/nothing.html", ""));
        requests.put("page 302", get.formatted("/", ""));
        requests.put("page 405", "POST /addin/taskpane.html HTTP/1.1\n" + host + "Content-Length: 0\nConnection: close\n\n");
        requests.put("page 421 host", "GET /addin/taskpane.html HTTP/1.1\nHost: localhost:1\nConnection: close\n\n");
        requests.put("jetty 400 bad URI", get.formatted("/addin/%2e%2e/%2e%2e/etc/passwd", ""));
        requests.put("jetty 431", get.formatted("/addin/taskpane.html", "X-Big: " + "a".repeat(20_000) + "\n"));
        requests.put("jetty 400 bad request line", "GARBAGE\n\n");
        List<String> seen = new ArrayList<>();
        for (var e : requests.entrySet()) {
            RawHttp.Answer a = raw(e.getValue());
            seen.add(e.getKey() + " -> " + a.status());
            String csp = a.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("frame-ancestors 'none'"), e.getKey() + ": " + a.headers());
            assertEquals("DENY", a.header("X-Frame-Options"), e.getKey());
            assertEquals("nosniff", a.header("X-Content-Type-Options"), e.getKey());
            assertEquals("no-store", a.header("Cache-Control"), e.getKey());
            if (a.status() >= 400) {
                assertTrue(a.body().startsWith("{\"error\":"), e.getKey() + ": " + a.body());
            }
            String expected = e.getKey().replaceAll("^[a-z]+ ([0-9]{3}).*", "$1");
            assertEquals(Integer.parseInt(expected), a.status(), e.getKey() + ": " + a.body());
        }
        System.out.println("answers checked for frame-ancestors 'none' and X-Frame-Options DENY: " + seen);
    }

    @Test
    void pagesMayBeFramedByTheBridgeAndOfficeOnly() throws Exception {
        for (String page : List.of("/addin/taskpane.html", "/addin/", "/addin/taskpane.js", "/addin/manifest.xml",
                "/addin/office/office.js", "/addin/icon-32.png")) {
            RawHttp.Answer a = raw("GET " + page + " HTTP/1.1\n" + host + "Connection: close\n\n");
            assertEquals(200, a.status(), page);
            String csp = a.header("Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors " + Responses.OFFICE_FRAME_ANCESTORS), page + ": " + csp);
            assertTrue(!csp.contains("*;") && !csp.contains("frame-ancestors *") && !csp.contains("http://"), csp);
            assertNull(a.header("X-Frame-Options"), "pages carry frame-ancestors, which X-Frame-Options cannot express");
        }
    }
}
