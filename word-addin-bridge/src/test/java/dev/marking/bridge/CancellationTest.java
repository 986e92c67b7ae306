package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Work on a document stops when nobody waits for it any more: after the deadline's 503, and when the client
 * hangs up while the engine works (over HTTP and over TLS). The engine runs a format that spins on the CPU
 * until its thread is interrupted, as the readers' time budgets do.
 */
class CancellationTest {

    @TempDir
    Path folder;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long stoppedAt;
    private volatile boolean released;
    /** Reads by spinning on the CPU until its thread is interrupted (or the test ends). */
    private final TestFormat spinning = new TestFormat("spin", file -> {
        started.countDown();
        while (!Thread.currentThread().isInterrupted() && !released) {
            Thread.onSpinWait();
        }
        stoppedAt = System.nanoTime();
        stopped.countDown();
    });
    private RunningBridge b;

    @AfterEach
    void stop() {
        released = true;
        if (b != null) {
            b.close();
        }
    }

    private BridgeConfig config(Duration timeout) {
        return BridgeConfig.defaults(0, folder).withFormats(FormatRegistry.standard().with(spinning)).withTimeout(timeout);
    }

    @Test
    void theDeadlineAnswers503AndStopsTheWork() throws Exception {
        b = RunningBridge.http(config(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        var r = b.post("/api/v1/verify", "a.spin", new byte[] {1});
        long answered = System.nanoTime();
        assertEquals(503, r.statusCode());
        assertTrue(stopped.await(5, TimeUnit.SECONDS), "the work was interrupted");
        long stoppedAfter = (stoppedAt - answered) / 1_000_000;
        System.out.println("deadline 1000 ms: 503 after " + (answered - start) / 1_000_000 + " ms, work stopped "
                + stoppedAfter + " ms after the answer");
        assertTrue(stoppedAfter < 1_000, stoppedAfter + " ms");
        assertTrue(nothingLeft(), "the upload is gone");
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void aClientThatHangsUpStopsTheWork(String scheme) throws Exception {
        b = RunningBridge.of(scheme, config(Duration.ofSeconds(60)));
        SSLContext tls = scheme.equals("https") ? b.tls() : null;
        long left;
        try (Socket s = RawHttp.connect(b.bridge.port(), tls)) {
            s.getOutputStream().write(("POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1:" + b.bridge.port()
                    + "\r\nX-Marking-Token: " + b.token + "\r\n" + DocumentName.HEADER + ": a.spin\r\nContent-Length: 1\r\n\r\nx")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertTrue(started.await(10, TimeUnit.SECONDS), "the work started");
            left = System.nanoTime();
        }
        assertTrue(stopped.await(5, TimeUnit.SECONDS), "the work was interrupted when the client left");
        long stoppedAfter = (stoppedAt - left) / 1_000_000;
        System.out.println(scheme + ": the client hung up; the work stopped " + stoppedAfter + " ms later");
        assertTrue(stoppedAfter < 1_000, stoppedAfter + " ms");
        assertTrue(nothingLeft(), "the upload is gone");
        for (int i = 0; i < 50 && !b.logText().contains("POST /api/v1/verify 499"); i++) {
            Thread.sleep(20);
        }
        assertTrue(b.logText().contains("POST /api/v1/verify 499"), b.logText());
        assertEquals(200, b.get("/api/v1/health").statusCode(), "and the bridge goes on");
    }

    @Test
    void workThatFinishesInTimeIsAnsweredOnAConnectionThatThenCloses() throws Exception {
        b = RunningBridge.http(config(Duration.ofSeconds(60)));
        RawHttp.Answer a;
        try (Socket s = RawHttp.connect(b.bridge.port(), null)) {
            byte[] doc = Documents.unmarked();
            s.getOutputStream().write(("POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1:" + b.bridge.port()
                    + "\r\nX-Marking-Token: " + b.token + "\r\n" + DocumentName.HEADER + ": a.md\r\nContent-Length: "
                    + doc.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(doc);
            a = RawHttp.read(s.getInputStream());
            assertEquals(-1, s.getInputStream().read(), "the watched connection is not kept alive");
        }
        assertEquals(200, a.status(), a.body());
        assertEquals("close", a.header("Connection"));
        assertTrue(a.body().contains("marking.missing"), a.body());
    }

    private boolean nothingLeft() throws IOException, InterruptedException {
        for (int i = 0; i < 50; i++) {
            try (var files = Files.list(b.bridge.tempRoot())) {
                if (files.findAny().isEmpty()) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }
}
