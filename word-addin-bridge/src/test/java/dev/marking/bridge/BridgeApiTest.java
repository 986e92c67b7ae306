package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.format.FormatRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API against a real bridge on an ephemeral loopback port (plain HTTP; HTTPS has its own test). */
class BridgeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private RunningBridge b;

    @BeforeEach
    void start() throws IOException {
        b = RunningBridge.http(folder);
    }

    @AfterEach
    void stop() {
        b.close();
    }

    private static JsonNode json(HttpResponse<?> r) throws IOException {
        Object body = r.body();
        return JSON.readTree(body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body);
    }

    @Test
    void healthAnswersWithTheToken() throws Exception {
        HttpResponse<String> r = b.get("/api/v1/health");
        assertEquals(200, r.statusCode());
        assertEquals("ok", json(r).get("status").asText());
        assertTrue(json(r).get("formats").toString().contains("text"));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void missingOrWrongTokenIs401() throws Exception {
        var noToken = b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode());
        assertEquals("token.refused", json(noToken).get("error").asText());
        var wrong = b.post("/api/v1/verify", "a.md", Documents.unmarked(), Map.of("X-Marking-Token", b.token + "x"));
        assertEquals(401, wrong.statusCode());
        var empty = b.post("/api/v1/verify", "a.md", Documents.unmarked(), Map.of("X-Marking-Token", ""));
        assertEquals(401, empty.statusCode());
    }

    @Test
    void policyListsLevelsAndChannels() throws Exception {
        JsonNode p = json(b.get("/api/v1/policy"));
        assertEquals("built-in", p.get("source").asText());
        assertEquals("机密", p.get("schemes").get(0).get("levels").get(1).get("name").asText());
        assertTrue(p.get("channels").has("email"));
        assertTrue(p.get("channels").get("courier").get("ledger").asBoolean());
    }

    @Test
    void verifyReportsFindingsUnderTheSentName() throws Exception {
        var r = b.post("/api/v1/verify", "季度报告.md", Documents.unmarked());
        assertEquals(200, r.statusCode());
        JsonNode report = json(r);
        assertEquals("marking", report.get("tool").asText());
        JsonNode file = report.get("files").get(0);
        assertEquals("季度报告.md", file.get("path").asText());
        assertTrue(file.get("marking").isNull());
        assertEquals("marking.missing", file.get("findings").get(0).get("rule").asText());
        assertEquals("error", file.get("findings").get(0).get("severity").asText());
        assertEquals(1, report.get("summary").get("errors").asInt());
    }

    @Test
    void verifySpeaksChineseWhenAsked() throws Exception {
        var r = b.post("/api/v1/verify?lang=zh", "a.md", Documents.unmarked());
        assertTrue(json(r).get("files").get(0).get("findings").get(0).get("message").asText().contains("密级标志"));
    }

    @Test
    void verifyOfAMarkedDocumentNamesTheMarking() throws Exception {
        JsonNode file = json(b.post("/api/v1/verify", "纪要.md", Documents.marked())).get("files").get(0);
        assertEquals("机密", file.get("marking").get("level").asText());
        assertEquals("5年", file.get("marking").get("term").asText());
    }

    @Test
    void stampReturnsTheStampedFileWhichThenVerifiesClean() throws Exception {
        var r = b.post("/api/v1/stamp?level=" + PercentCoding.encode("机密") + "&term=5&copy=3", "季度报告.md",
                Documents.unmarked());
        assertEquals(200, r.statusCode());
        assertEquals("季度报告.000003.md", PercentCoding.decode(r.headers().firstValue(DocumentName.HEADER).orElseThrow()));
        assertEquals("机密★5年", PercentCoding.decode(r.headers().firstValue("X-Marking-Mark").orElseThrow()));
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        JsonNode props = JSON.readTree(PercentCoding.decode(r.headers().firstValue("X-Marking-Properties").orElseThrow()));
        assertEquals("000003", props.get("marking.copy").asText());
        String stamped = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(stamped.contains("机密★5年"), stamped);
        assertTrue(stamped.contains("第三车间完成了设备检修任务"), "the body is kept");

        JsonNode again = json(b.post("/api/v1/verify", "季度报告.000003.md", r.body()));
        assertEquals(0, again.get("summary").get("errors").asInt(), again.toString());
        assertEquals("000003", again.get("files").get(0).get("marking").get("copy").asText());
    }

    @Test
    void anOfdIsStampedAndVerified() throws Exception {
        JsonNode before = json(b.post("/api/v1/verify", "通知.ofd", Documents.unmarkedOfd())).get("files").get(0);
        assertEquals("ofd", before.get("format").asText());
        assertTrue(before.get("findings").toString().contains("marking.missing"), before.toString());
        var r = b.post("/api/v1/stamp?level=" + PercentCoding.encode("机密") + "&term=5&copy=3", "通知.ofd",
                Documents.unmarkedOfd());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("通知.000003.ofd", PercentCoding.decode(r.headers().firstValue(DocumentName.HEADER).orElseThrow()));
        assertEquals("application/ofd", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode again = json(b.post("/api/v1/verify", "通知.000003.ofd", r.body()));
        assertEquals(0, again.get("summary").get("errors").asInt(), again.toString());
        assertEquals("000003", again.get("files").get(0).get("marking").get("copy").asText());
    }

    @Test
    void stampRefusesABadLevelOrTerm() throws Exception {
        var level = b.post("/api/v1/stamp?level=XYZ", "a.md", Documents.unmarked());
        assertEquals(400, level.statusCode());
        assertEquals("marking.invalid", json(level).get("error").asText());
        var term = b.post("/api/v1/stamp?level=" + PercentCoding.encode("秘密") + "&term=15", "a.md", Documents.unmarked());
        assertEquals(400, term.statusCode());
        var missing = b.post("/api/v1/stamp", "a.md", Documents.unmarked());
        assertEquals("level.missing", json(missing).get("error").asText());
        var copy = b.post("/api/v1/stamp?level=" + PercentCoding.encode("机密") + "&copy=0", "a.md", Documents.unmarked());
        assertEquals("copy.invalid", json(copy).get("error").asText());
    }

    @Test
    void stampRefusesImpossibleTermsWith400() throws Exception {
        for (String t : List.of("-1", "+5", "-5年", "0", "99999999999999999999", "2030-02-31")) {
            var r = b.post("/api/v1/stamp?level=" + PercentCoding.encode("机密") + "&term=" + PercentCoding.encode(t),
                    "a.md", Documents.unmarked());
            assertEquals(400, r.statusCode(), t);
            assertEquals("marking.invalid", json(r).get("error").asText(), t);
        }
        var traditional = b.post("/api/v1/stamp?level=" + PercentCoding.encode("機密") + "&term=5", "a.md",
                Documents.unmarked());
        assertEquals(200, traditional.statusCode());
        assertTrue(new String(traditional.body(), StandardCharsets.UTF_8).contains("机密★5年"),
                "a level typed in Traditional is stamped in the policy's script");
    }

    @Test
    void stampOfAnUnreadableDocumentIs422() throws Exception {
        var r = b.post("/api/v1/stamp?level=" + PercentCoding.encode("机密"), "bad.md", Documents.binary());
        assertEquals(422, r.statusCode());
        assertEquals("file.unreadable", json(r).get("error").asText());
    }

    @Test
    void presendBlocksAndAllowsByChannel() throws Exception {
        JsonNode unmarked = json(b.post("/api/v1/presend?channel=email", "a.md", Documents.unmarked()));
        assertFalse(unmarked.get("allowed").asBoolean());
        assertEquals("marking.missing", unmarked.get("files").get(0).get("reasons").get(0).get("rule").asText());

        JsonNode classified = json(b.post("/api/v1/presend?channel=email", "b.md", Documents.marked()));
        assertFalse(classified.get("allowed").asBoolean());
        assertEquals("channel.classified", classified.get("files").get(0).get("reasons").get(0).get("rule").asText());
        assertEquals("b.md", classified.get("files").get(0).get("path").asText());

        JsonNode open = json(b.post("/api/v1/presend?channel=email", "c.md", Documents.open()));
        assertTrue(open.get("allowed").asBoolean(), open.toString());
        assertEquals("email", open.get("channel").asText());
    }

    @Test
    void presendNeedsAKnownChannel() throws Exception {
        assertEquals(400, b.post("/api/v1/presend?channel=pigeon", "a.md", Documents.unmarked()).statusCode());
        assertEquals(400, b.post("/api/v1/presend", "a.md", Documents.unmarked()).statusCode());
    }

    @Test
    void malformedDocumentIs200WithFileUnreadable() throws Exception {
        var r = b.post("/api/v1/verify", "broken.md", Documents.binary());
        assertEquals(200, r.statusCode());
        JsonNode f = json(r).get("files").get(0).get("findings").get(0);
        assertEquals("file.unreadable", f.get("rule").asText());
        assertEquals("error", f.get("severity").asText());
    }

    @Test
    void unsupportedTypeIs200WithFileUnreadable() throws Exception {
        var r = b.post("/api/v1/verify", "photo.jpg", new byte[] {1, 2, 3});
        assertEquals(200, r.statusCode());
        assertEquals("file.unreadable", json(r).get("files").get(0).get("findings").get(0).get("rule").asText());
    }

    @Test
    void fileNameIsRequiredAndReducedToOneSafeName() throws Exception {
        assertEquals(400, b.post("/api/v1/verify", null, Documents.unmarked()).statusCode());
        assertEquals(400, b.post("/api/v1/verify", "..", Documents.unmarked()).statusCode());
        var bad = b.post("/api/v1/verify", "x.md", Documents.unmarked(), Map.of("X-Marking-Token", b.token,
                DocumentName.HEADER + "2", "x"));
        assertEquals(200, bad.statusCode());
        var traversal = b.post("/api/v1/verify", "../../etc/报告.md", Documents.unmarked());
        assertEquals("报告.md", json(traversal).get("files").get(0).get("path").asText());
        var windows = b.post("/api/v1/verify", "C:\\Users\\me\\报告.md", Documents.unmarked());
        assertEquals("报告.md", json(windows).get("files").get(0).get("path").asText());
        var badEscape = b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/verify")).header("X-Marking-Token", b.token)
                .header(DocumentName.HEADER, "%E6%9C").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badEscape.statusCode());
    }

    @Test
    void foreignHostIsRefused() throws Exception {
        int port = b.bridge.port();
        String req = "GET /api/v1/health HTTP/1.1\nHost: %s\nX-Marking-Token: " + b.token + "\nConnection: close\n\n";
        assertTrue(b.raw(String.format(req, "evil.example:" + port)).contains(" 421"));
        assertTrue(b.raw(String.format(req, "attacker.test")).contains(" 421"));
        assertTrue(b.raw(String.format(req, "127.0.0.1:" + (port + 1))).contains(" 421"), "another port is not ours");
        assertTrue(b.raw(String.format(req, "localhost:" + port)).contains(" 200"));
        assertTrue(b.raw(String.format(req, "[::1]:" + port)).contains(" 200"));
        String page = "GET /addin/taskpane.html HTTP/1.1\nHost: rebind.example:" + port + "\nConnection: close\n\n";
        assertTrue(b.raw(page).contains(" 421"), "pages too");
    }

    @Test
    void crossOriginRequestsAreRefusedWithoutCorsHeaders() throws Exception {
        var foreign = b.post("/api/v1/verify", "a.md", Documents.unmarked(), Map.of("X-Marking-Token", b.token,
                "Origin", "https://evil.example"));
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        var otherPort = b.post("/api/v1/verify", "a.md", Documents.unmarked(), Map.of("X-Marking-Token", b.token,
                "Origin", "http://127.0.0.1:1"));
        assertEquals(403, otherPort.statusCode());
        var site = b.post("/api/v1/verify", "a.md", Documents.unmarked(), Map.of("X-Marking-Token", b.token,
                "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, site.statusCode());
        var preflight = b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/verify"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        var own = b.post("/api/v1/verify", "a.md", Documents.unmarked(), Map.of("X-Marking-Token", b.token,
                "Origin", "http://127.0.0.1:" + b.bridge.port()));
        assertEquals(200, own.statusCode());
    }

    @Test
    void pagesAreServedWithoutTokenAndTheManifestPointsHere() throws Exception {
        var page = b.client.send(HttpRequest.newBuilder(b.uri("/addin/taskpane.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
        assertTrue(page.body().contains("office/office.js"));
        var manifest = b.client.send(HttpRequest.newBuilder(b.uri("/addin/manifest.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(manifest.body().contains("http://localhost:" + b.bridge.port() + "/addin/taskpane.html"));
        var office = b.client.send(HttpRequest.newBuilder(b.uri("/addin/office/office.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, office.statusCode());
        var escape = b.raw("GET /addin/../dev/marking/bridge/Bridge.class HTTP/1.1\nHost: 127.0.0.1:" + b.bridge.port()
                + "\nConnection: close\n\n");
        assertFalse(escape.contains(" 200"), escape);
        var hidden = b.client.send(HttpRequest.newBuilder(b.uri("/addin/.hidden")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, hidden.statusCode());
    }

    @Test
    void twentyConcurrentVerifiesAreAllCorrect() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                boolean marked = i % 2 == 0;
                String name = "doc-" + i + ".md";
                futures.add(pool.submit(() -> {
                    var r = b.post("/api/v1/verify", name, marked ? Documents.marked() : Documents.unmarked());
                    assertEquals(200, r.statusCode());
                    return json(r);
                }));
            }
            for (int i = 0; i < 20; i++) {
                JsonNode file = futures.get(i).get().get("files").get(0);
                assertEquals("doc-" + i + ".md", file.get("path").asText());
                if (i % 2 == 0) {
                    assertEquals("机密", file.get("marking").get("level").asText());
                } else {
                    assertTrue(file.get("marking").isNull());
                    assertEquals("marking.missing", file.get("findings").get(0).get("rule").asText());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logsNeverContainNamesOrTextAndTempFilesAreGone() throws Exception {
        b.post("/api/v1/verify", "绝密名单.md", Documents.unmarked());
        b.post("/api/v1/stamp?level=" + PercentCoding.encode("机密"), "绝密名单.md", Documents.unmarked());
        b.post("/api/v1/presend?channel=im", "绝密名单.md", Documents.unmarked());
        assertEquals(404, b.get("/api/v1/" + PercentCoding.encode("绝密名单.md")).statusCode());
        assertEquals(404, b.get("/addin/" + PercentCoding.encode("绝密名单.md")).statusCode());
        String log = b.logText();
        assertTrue(log.contains("POST /api/v1/verify 200"), log);
        assertTrue(log.contains("doc=sha256:"), log);
        assertFalse(log.contains("绝密名单"), log);
        assertFalse(log.contains(PercentCoding.encode("绝密名单")), log);
        assertFalse(log.contains("设备检修"), log);
        try (var files = Files.list(b.bridge.tempRoot())) {
            assertEquals(0, files.count(), "request folders are removed");
        }
    }

    @Test
    void unknownEndpointsAndMethods() throws Exception {
        assertEquals(404, b.get("/api/v1/nothing").statusCode());
        assertEquals(405, b.get("/api/v1/verify").statusCode());
        assertEquals(405, b.post("/api/v1/health", "a.md", new byte[0]).statusCode());
    }

    @Test
    void oversizeBodyIs413ByLengthAndWhileReading() throws Exception {
        b.close();
        b = RunningBridge.http(BridgeConfig.defaults(0, folder).withMaxBody(1024));
        byte[] big = new byte[4096];
        var byLength = b.post("/api/v1/verify", "big.md", big);
        assertEquals(413, byLength.statusCode());
        var chunked = b.client.send(HttpRequest.newBuilder(b.uri("/api/v1/verify")).header("X-Marking-Token", b.token)
                .header(DocumentName.HEADER, "big.md")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals("body.too-large", json(chunked).get("error").asText());
        assertEquals(200, b.post("/api/v1/verify", "small.md", Documents.unmarked()).statusCode());
        try (var files = Files.list(b.bridge.tempRoot())) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void slowRequestsTimeOutWith503AndLeaveNothingBehind() throws Exception {
        b.close();
        FormatRegistry slow = FormatRegistry.standard().with(TestFormat.sleeping("slow", Duration.ofSeconds(5)));
        b = RunningBridge.http(BridgeConfig.defaults(0, folder).withFormats(slow).withMaxBody(1024)
                .withTimeout(Duration.ofMillis(200)));
        long start = System.nanoTime();
        var r = b.post("/api/v1/verify", "a.slow", Documents.unmarked());
        assertEquals(503, r.statusCode());
        assertEquals("request.timeout", json(r).get("error").asText());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "answered at the deadline, not after the work");
        for (int i = 0; i < 50; i++) {
            try (var files = Files.list(b.bridge.tempRoot())) {
                if (files.count() == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("request folder left behind after a time-out");
    }

    @Test
    void aSlowUploadTimesOutToo() throws Exception {
        b.close();
        b = RunningBridge.http(BridgeConfig.defaults(0, folder).withTimeout(Duration.ofMillis(300)));
        long start = System.nanoTime();
        String status = b.raw("POST /api/v1/verify HTTP/1.1\nHost: 127.0.0.1:" + b.bridge.port() + "\nX-Marking-Token: "
                + b.token + "\n" + DocumentName.HEADER + ": a.md\nContent-Length: 1000\n\nonly a few bytes");
        assertTrue(status.contains(" 503"), "[" + status + "] " + b.logText());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        for (int i = 0; i < 50; i++) {
            try (var files = Files.list(b.bridge.tempRoot())) {
                if (files.count() == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("request folder left behind after a slow upload");
    }
}
