package dev.marking.bridge;

import dev.marking.core.engine.SignWith;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.policy.Policy;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the bridge.
 *
 * @param addresses loopback addresses to bind; anything else is refused
 * @param port      the port (0: any free one, for tests)
 * @param https     HTTPS with the local certificate; false only for tests ({@code --insecure-http})
 * @param folder    the config folder holding the certificate and the token
 * @param maxBody   the largest document accepted, in bytes (413 above)
 * @param timeout   how long one request may take in the engine (503 after)
 * @param policy    the policy verify and pre-send apply
 * @param formats   the adapters
 * @param officeJs  a folder served at {@code /addin/office/} instead of the bundled office.js
 * @param log       where one line per request goes (never document names or text)
 * @param limits    what one connection may hold of the server (see {@link Limits})
 * @param sign      the key its user configured ({@code marking bridge --sign}): every document the bridge stamps is
 *                  sealed with it (DESIGN §1.10); a client never sends a key or a password. Empty: unsigned
 */
public record BridgeConfig(List<InetAddress> addresses, int port, boolean https, Path folder, long maxBody,
        Duration timeout, Policy policy, FormatRegistry formats, Optional<Path> officeJs, PrintStream log,
        Limits limits, Optional<SignWith> sign) {

    /**
     * What a connection may hold: waiting costs no thread (the server is asynchronous), and these bound the rest.
     *
     * @param waitForRequest how long a connection may go without a complete request head while none is being
     *                       answered: TLS handshake plus request line and headers, or idle between requests
     * @param headerBytes    the largest request line plus headers (431 above)
     * @param connections    open connections at most; more wait in the accept queue
     * @param threads        the server's threads (I/O and handlers; the engine has its own)
     */
    public record Limits(Duration waitForRequest, int headerBytes, int connections, int threads) {

        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 16 * 1024, 512, 64);

        public Limits {
            Objects.requireNonNull(waitForRequest, "waitForRequest");
            if (waitForRequest.isNegative() || waitForRequest.isZero() || headerBytes < 1024 || connections < 8
                    || threads < 8) {
                throw new IllegalArgumentException("server limits too small: " + waitForRequest + ", " + headerBytes
                        + " header bytes, " + connections + " connections, " + threads + " threads");
            }
        }

        public Limits withWaitForRequest(Duration d) {
            return new Limits(d, headerBytes, connections, threads);
        }
    }

    public static final int DEFAULT_PORT = 8743;
    public static final long DEFAULT_MAX_BODY = 50L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public BridgeConfig {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address to bind");
        }
        for (InetAddress a : addresses) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("the bridge binds to loopback addresses only, not " + a.getHostAddress());
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (maxBody < 1) {
            throw new IllegalArgumentException("body limit must be positive");
        }
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(officeJs, "officeJs");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sign, "sign");
    }

    /** HTTPS on 127.0.0.1 and ::1, port {@code port}, the built-in policy, all adapters, 50 MB, 60 s. */
    public static BridgeConfig defaults(int port, Path folder) {
        return new BridgeConfig(loopback(), port, true, folder, DEFAULT_MAX_BODY, DEFAULT_TIMEOUT, Policy.defaults(),
                FormatRegistry.standard(), Optional.empty(), System.err, Limits.DEFAULT, Optional.empty());
    }

    /** The user's config folder: {@code $XDG_CONFIG_HOME/marking}, else {@code ~/.config/marking}. */
    public static Path defaultFolder() {
        return PrivateFiles.configFolder(System.getenv());
    }

    /** 127.0.0.1, and ::1 when this machine has IPv6. */
    public static List<InetAddress> loopback() {
        List<InetAddress> list = new ArrayList<>();
        try {
            list.add(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}));
            list.add(InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("loopback addresses are always valid", e);
        }
        return list;
    }

    public BridgeConfig withHttps(boolean on) {
        return new BridgeConfig(addresses, port, on, folder, maxBody, timeout, policy, formats, officeJs, log, limits, sign);
    }

    public BridgeConfig withMaxBody(long bytes) {
        return new BridgeConfig(addresses, port, https, folder, bytes, timeout, policy, formats, officeJs, log, limits, sign);
    }

    public BridgeConfig withTimeout(Duration t) {
        return new BridgeConfig(addresses, port, https, folder, maxBody, t, policy, formats, officeJs, log, limits, sign);
    }

    public BridgeConfig withFormats(FormatRegistry f) {
        return new BridgeConfig(addresses, port, https, folder, maxBody, timeout, policy, f, officeJs, log, limits, sign);
    }

    public BridgeConfig withPolicy(Policy p) {
        return new BridgeConfig(addresses, port, https, folder, maxBody, timeout, p, formats, officeJs, log, limits, sign);
    }

    public BridgeConfig withOfficeJs(Path dir) {
        return new BridgeConfig(addresses, port, https, folder, maxBody, timeout, policy, formats, Optional.ofNullable(dir),
                log, limits, sign);
    }

    public BridgeConfig withLog(PrintStream out) {
        return new BridgeConfig(addresses, port, https, folder, maxBody, timeout, policy, formats, officeJs, out, limits, sign);
    }

    public BridgeConfig withLimits(Limits l) {
        return new BridgeConfig(addresses, port, https, folder, maxBody, timeout, policy, formats, officeJs, log, l, sign);
    }

    public BridgeConfig withAddresses(List<InetAddress> list) {
        return new BridgeConfig(list, port, https, folder, maxBody, timeout, policy, formats, officeJs, log, limits, sign);
    }

    /** Seals every stamped document with {@code key} (null: unsigned). */
    public BridgeConfig withSign(SignWith key) {
        return new BridgeConfig(addresses, port, https, folder, maxBody, timeout, policy, formats, officeJs, log, limits,
                Optional.ofNullable(key));
    }
}
