package dev.marking.bridge;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Listens on every loopback address of the configuration on one port, or not at all: a client that asks for
 * {@code localhost} may try [::1] first, and must not reach another process that holds [::1] on our port.
 * The one exception is a machine without IPv6 loopback, where nobody can hold [::1].
 */
final class LoopbackListeners {

    /** How often an ephemeral port (0) is tried again when another address of it turns out to be taken. */
    private static final int EPHEMERAL_TRIES = 5;

    /** What was bound: the port, the addresses, and the addresses skipped because this machine lacks them. */
    record Bound(int port, List<InetAddress> addresses, List<InetAddress> absent) {
    }

    private LoopbackListeners() {
    }

    /**
     * Opens one connector per address on {@code port} (0: one free port for all) and adds them to {@code server};
     * a {@link BindException} names the address that could not be bound.
     */
    static Bound open(Server server, List<InetAddress> addresses, int port, Supplier<ConnectionFactory[]> factories,
            long idleMillis) throws IOException {
        for (int attempt = 1; ; attempt++) {
            List<ServerConnector> opened = new ArrayList<>();
            List<InetAddress> bound = new ArrayList<>();
            List<InetAddress> absent = new ArrayList<>();
            int chosen = port;
            try {
                for (InetAddress address : addresses) {
                    ServerConnector c = new ServerConnector(server, 1, 1, factories.get());
                    c.setHost(address.getHostAddress());
                    c.setPort(chosen);
                    c.setIdleTimeout(idleMillis);
                    try {
                        c.open();
                    } catch (IOException e) {
                        c.close();
                        if (address instanceof Inet6Address && !ipv6LoopbackExists()) {
                            absent.add(address);
                            continue;
                        }
                        throw refusal(address, chosen, e);
                    }
                    opened.add(c);
                    bound.add(address);
                    chosen = c.getLocalPort();
                }
            } catch (BindException e) {
                opened.forEach(ServerConnector::close);
                if (port == 0 && attempt < EPHEMERAL_TRIES) {
                    continue;
                }
                throw e;
            }
            if (opened.isEmpty()) {
                throw new BindException("no loopback address to listen on");
            }
            opened.forEach(server::addConnector);
            return new Bound(chosen, List.copyOf(bound), List.copyOf(absent));
        }
    }

    private static BindException refusal(InetAddress address, int port, IOException cause) {
        String where = shown(address) + ":" + port;
        BindException e = new BindException(port == 0 ? "cannot listen on " + where + ": " + cause.getMessage()
                : where + " is in use by another program; the bridge listens on every loopback address or not at all"
                        + " (stop that program or choose another --port)");
        e.initCause(cause);
        return e;
    }

    /** Whether this machine has ::1 at all (some containers and hosts run without IPv6). */
    static boolean ipv6LoopbackExists() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code 127.0.0.1} or {@code [::1]}. */
    static String shown(InetAddress a) {
        return a instanceof Inet6Address ? "[" + (a.isLoopbackAddress() ? "::1" : a.getHostAddress()) + "]"
                : a.getHostAddress();
    }
}
