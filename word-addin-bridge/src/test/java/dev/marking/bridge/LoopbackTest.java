package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge listens on 127.0.0.1 and [::1] on one port, or does not start: a program holding either address
 * on our port would otherwise receive what {@code localhost} clients send.
 */
class LoopbackTest {

    @TempDir
    Path folder;

    private static InetAddress v6() throws Exception {
        return InetAddress.getByName("::1");
    }

    @Test
    void bothLoopbackAddressesAnswerOnOnePort() throws Exception {
        Assumptions.assumeTrue(LoopbackListeners.ipv6LoopbackExists(), "this machine has no ::1");
        try (RunningBridge b = RunningBridge.http(folder)) {
            assertEquals(2, b.bridge.addresses().size(), b.bridge.addresses().toString());
            for (String host : List.of("127.0.0.1", "[::1]")) {
                RawHttp.Answer a = RawHttp.exchange(b.bridge.port(), null, "GET /api/v1/health HTTP/1.1\nHost: " + host + ":"
                        + b.bridge.port() + "\nX-Marking-Token: " + b.token + "\nConnection: close\n\n");
                assertEquals(200, a.status(), host);
            }
            try (var s6 = new java.net.Socket(v6(), b.bridge.port())) {
                assertTrue(s6.isConnected(), "[::1] is listened on");
            }
            assertTrue(String.join("\n", b.bridge.banner()).contains("listening on 127.0.0.1 and [::1] only"));
        }
    }

    @Test
    void aProgramHoldingTheIpv6LoopbackPortStopsTheStart() throws Exception {
        Assumptions.assumeTrue(LoopbackListeners.ipv6LoopbackExists(), "this machine has no ::1");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(v6(), 0));
            int port = squatter.getLocalPort();
            BindException e = assertThrows(BindException.class, () -> Bridge.start(BridgeConfig.defaults(port, folder)
                    .withHttps(false).withLog(System.out)));
            System.out.println("with [::1]:" + port + " taken: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("[::1]:" + port + " is in use by another program"), e.getMessage());
            assertTrue(e.getMessage().lines().count() == 1, "one line");
            try (ServerSocket free = new ServerSocket()) {
                free.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                assertTrue(free.isBound(), "the bridge let go of 127.0.0.1 again");
            }
        }
    }

    @Test
    void aProgramHoldingTheIpv4LoopbackPortStopsTheStart() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = squatter.getLocalPort();
            BindException e = assertThrows(BindException.class, () -> Bridge.start(BridgeConfig.defaults(port, folder)
                    .withHttps(false).withLog(System.out)));
            assertTrue(e.getMessage().startsWith("127.0.0.1:" + port + " is in use by another program"), e.getMessage());
        }
    }
}
