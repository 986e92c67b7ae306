package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, acceptance 4: clients that connect and wait, start a TLS handshake and stop, trickle headers a
 * byte at a time or promise a body they never send do not keep anyone else waiting.
 */
class HostileClientsTest {

    /** The first bytes of a TLS ClientHello record (handshake, TLS 1.0 record layer, 512 bytes announced). */
    private static final byte[] CLIENT_HELLO_PREFIX = {0x16, 0x03, 0x01, 0x02, 0x00};
    private static final long BOUND_MILLIS = 1_000;

    @TempDir
    Path folder;

    private final List<Socket> hostile = Collections.synchronizedList(new ArrayList<>());
    private RunningBridge b;

    @AfterEach
    void stop() {
        hostile.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        });
        if (b != null) {
            b.close();
        }
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", b.bridge.port()), 5_000);
        hostile.add(s);
        return s;
    }

    /** One {@code GET health} on a new connection (TCP, TLS handshake, request, answer): its time in ms. */
    private long timedHealth(SSLContext tls) throws IOException {
        long start = System.nanoTime();
        RawHttp.Answer a = RawHttp.exchange(b.bridge.port(), tls, "GET /api/v1/health HTTP/1.1\nHost: 127.0.0.1:"
                + b.bridge.port() + "\nX-Marking-Token: " + b.token + "\nConnection: close\n\n");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, a.status(), a.body());
        return millis;
    }

    private List<Long> measure(SSLContext tls, int n) throws IOException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(timedHealth(tls));
        }
        return times;
    }

    private static String summary(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return "min " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms over " + sorted.size();
    }

    @Test
    void fiftyIdleAndTwentySlowConnectionsDoNotDelayHealth() throws Exception {
        b = RunningBridge.https(BridgeConfig.defaults(0, folder));
        SSLContext tls = b.tls();
        measure(tls, 5);
        List<Long> before = measure(tls, 20);

        for (int i = 0; i < 50; i++) {
            open();
        }
        for (int i = 0; i < 10; i++) {
            OutputStream out = open().getOutputStream();
            out.write(CLIENT_HELLO_PREFIX);
            out.flush();
        }
        List<Socket> tricklers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Socket s = RawHttp.connect(b.bridge.port(), tls);
            hostile.add(s);
            tricklers.add(s);
        }
        byte[] head = ("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + b.bridge.port() + "\r\nX-Padding: "
                + "a".repeat(4000)).getBytes(StandardCharsets.US_ASCII);
        AtomicBoolean trickling = new AtomicBoolean(true);
        Thread trickle = new Thread(() -> {
            for (int i = 0; i < head.length && trickling.get(); i++) {
                for (Socket s : tricklers) {
                    try {
                        s.getOutputStream().write(head[i]);
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
                sleep(50);
            }
        });
        trickle.start();
        try {
            sleep(500);
            assertTrue(b.bridge.waitingConnections() >= 70, "the server holds all 70: " + b.bridge.waitingConnections());
            List<Long> during = measure(tls, 30);
            System.out.println("GET health over HTTPS, a new connection each: before " + summary(before)
                    + "; with 50 idle + 10 half-open TLS + 10 trickling connections " + summary(during));
            assertTrue(Collections.max(during) < BOUND_MILLIS, "health took " + summary(during));
        } finally {
            trickling.set(false);
            trickle.join();
        }
    }

    @Test
    void connectionsWithoutARequestHeadAreClosedAfterTheLimit() throws Exception {
        Duration limit = Duration.ofSeconds(1);
        b = RunningBridge.https(BridgeConfig.defaults(0, folder).withLimits(
                BridgeConfig.Limits.DEFAULT.withWaitForRequest(limit)));
        Socket idle = open();
        Socket handshake = open();
        handshake.getOutputStream().write(CLIENT_HELLO_PREFIX);
        Socket trickler = RawHttp.connect(b.bridge.port(), b.tls());
        hostile.add(trickler);
        long start = System.nanoTime();
        // A byte every 200 ms: the idle timeout would never fire; the request-head limit does.
        byte[] head = ("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(100))
                .getBytes(StandardCharsets.US_ASCII);
        boolean closed = false;
        for (int i = 0; i < head.length && !closed; i++) {
            try {
                trickler.getOutputStream().write(head[i]);
                trickler.getOutputStream().flush();
            } catch (SocketException e) {
                closed = true;
            }
            sleep(200);
            if (!closed && trickler.isClosed()) {
                closed = true;
            }
            if (System.nanoTime() - start > Duration.ofSeconds(5).toNanos()) {
                break;
            }
        }
        long trickleMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(closed || endOfStream(trickler), "the trickling connection is closed");
        assertTrue(endOfStream(idle), "the idle connection is closed");
        assertTrue(endOfStream(handshake), "the half-open handshake is closed");
        System.out.println("request-head limit " + limit.toMillis() + " ms: trickling connection refused after "
                + trickleMillis + " ms");
        assertTrue(trickleMillis < 4_000, trickleMillis + " ms");
        assertEquals(0, b.bridge.waitingConnections());
    }

    @Test
    void requestsLongerThanTheHeadLimitAreNotCutOff() throws Exception {
        b = RunningBridge.http(BridgeConfig.defaults(0, folder).withLimits(BridgeConfig.Limits.DEFAULT.withWaitForRequest(
                Duration.ofSeconds(1))).withFormats(FormatRegistry.standard().with(TestFormat.sleeping("slow",
                Duration.ofMillis(2500)))));
        byte[] doc = Documents.unmarked();
        long start = System.nanoTime();
        RawHttp.Answer upload;
        try (Socket s = open()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1:" + b.bridge.port() + "\r\nX-Marking-Token: "
                    + b.token + "\r\n" + DocumentName.HEADER + ": a.md\r\nContent-Length: " + doc.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < doc.length; i += 8) {
                out.write(doc, i, Math.min(8, doc.length - i));
                out.flush();
                sleep(250);
            }
            upload = RawHttp.read(s.getInputStream());
        }
        long uploadMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, upload.status(), upload.body());
        var slowWork = b.post("/api/v1/verify", "a.slow", new byte[] {1});
        assertEquals(200, slowWork.statusCode());
        System.out.println("request-head limit 1000 ms: a " + uploadMillis + " ms upload and 2500 ms of work are answered");
        assertTrue(uploadMillis > 2_000, uploadMillis + " ms");
    }

    @Test
    void a401DoesNotWaitForABodyThatNeverComes() throws Exception {
        b = RunningBridge.http(folder);
        try (Socket s = open()) {
            long start = System.nanoTime();
            s.getOutputStream().write(("POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1:" + b.bridge.port() + "\r\n"
                    + DocumentName.HEADER + ": a.md\r\nContent-Length: 1048576\r\n\r\nonly a few bytes")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            RawHttp.Answer a = RawHttp.read(in);
            long answered = (System.nanoTime() - start) / 1_000_000;
            assertEquals(401, a.status());
            assertTrue(endOfStream(s), "the connection ends: the body is not drained");
            long closed = (System.nanoTime() - start) / 1_000_000;
            System.out.println("401 to a 1 MB body that never comes: answered after " + answered + " ms, closed after "
                    + closed + " ms");
            assertTrue(closed < BOUND_MILLIS, closed + " ms");
        }
    }

    @Test
    void aRequestHeadTooLargeIsRefusedWith431() throws Exception {
        b = RunningBridge.http(folder);
        RawHttp.Answer a = RawHttp.exchange(b.bridge.port(), null, "GET /api/v1/health HTTP/1.1\nHost: 127.0.0.1:"
                + b.bridge.port() + "\nX-Big: " + "a".repeat(BridgeConfig.Limits.DEFAULT.headerBytes()) + "\n\n");
        assertEquals(431, a.status());
        assertTrue(a.body().contains("\"header.too-large\""), a.body());
        assertEquals("DENY", a.header("X-Frame-Options"));
    }

    /** Whether the server has closed {@code s} (end of stream or reset within a few seconds). */
    private static boolean endOfStream(Socket s) throws IOException {
        s.setSoTimeout(5_000);
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
