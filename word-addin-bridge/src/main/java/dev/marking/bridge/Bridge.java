package dev.marking.bridge;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.marking.core.engine.Engine;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The loopback service the Word add-in talks to: HTTPS (or, for tests, HTTP) on 127.0.0.1 and ::1 only,
 * with {@code /api/v1/} for the engine and {@code /addin/} for the task pane.
 */
public final class Bridge implements AutoCloseable {

    private static final int HTTP_THREADS = 8;

    private final List<HttpServer> servers;
    private final List<InetAddress> bound;
    private final int port;
    private final BridgeConfig config;
    private final AccessToken token;
    private final Optional<LocalCertificate> certificate;
    private final Path tempRoot;
    private final ExecutorService httpPool;
    private final ExecutorService enginePool;

    private Bridge(Builder b) {
        this.servers = List.copyOf(b.servers);
        this.bound = List.copyOf(b.bound);
        this.port = b.port;
        this.config = b.config;
        this.token = b.token;
        this.certificate = b.certificate;
        this.tempRoot = b.tempRoot;
        this.httpPool = b.httpPool;
        this.enginePool = b.enginePool;
    }

    /** What {@link #start} sets up before the servers exist. */
    private static final class Builder {
        private final List<HttpServer> servers = new ArrayList<>();
        private final List<InetAddress> bound = new ArrayList<>();
        private int port;
        private BridgeConfig config;
        private AccessToken token;
        private Optional<LocalCertificate> certificate = Optional.empty();
        private Path tempRoot;
        private ExecutorService httpPool;
        private ExecutorService enginePool;
    }

    /** Starts the bridge; the token and, for HTTPS, the certificate are created in the config folder on first start. */
    public static Bridge start(BridgeConfig config) throws IOException {
        Builder b = new Builder();
        b.config = config;
        Path folder = PrivateFiles.folder(config.folder());
        b.token = AccessToken.loadOrCreate(folder);
        SSLContext tls = null;
        if (config.https()) {
            LocalCertificate cert = LocalCertificate.loadOrCreate(folder);
            b.certificate = Optional.of(cert);
            tls = cert.serverContext();
        }
        b.tempRoot = PrivateFiles.tempFolder("marking-bridge-");
        b.httpPool = Executors.newFixedThreadPool(HTTP_THREADS, daemon("marking-bridge-http"));
        b.enginePool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("marking-bridge-engine"));
        AccessLog log = new AccessLog(config.log());
        b.port = config.port();
        try {
            for (InetAddress address : config.addresses()) {
                HttpServer server;
                try {
                    server = bind(address, b.port, tls);
                } catch (IOException e) {
                    if (b.servers.isEmpty()) {
                        throw e;
                    }
                    log.info("marking bridge: not listening on " + address.getHostAddress() + " (" + e.getMessage() + ")");
                    continue;
                }
                b.port = server.getAddress().getPort();
                b.servers.add(server);
                b.bound.add(address);
            }
            RequestGuard guard = new RequestGuard(b.token, b.port, config.https());
            Service engine = new Service(new Engine(config.formats(), version()), config.policy());
            ApiHandler api = new ApiHandler(guard, engine, config, b.tempRoot, b.enginePool, log);
            AddinHandler addin = new AddinHandler(guard, config.officeJs(),
                    (config.https() ? "https" : "http") + "://localhost:" + b.port, log);
            for (HttpServer s : b.servers) {
                s.createContext(ApiHandler.PREFIX, api);
                s.createContext("/", addin);
                s.setExecutor(b.httpPool);
                s.start();
            }
        } catch (IOException | RuntimeException e) {
            new Bridge(b).close();
            throw e;
        }
        return new Bridge(b);
    }

    private static HttpServer bind(InetAddress address, int port, SSLContext tls) throws IOException {
        InetSocketAddress socket = new InetSocketAddress(address, port);
        if (tls == null) {
            return HttpServer.create(socket, 0);
        }
        HttpsServer server = HttpsServer.create(socket, 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code https://127.0.0.1:PORT/}. */
    public URI url() {
        return URI.create((config.https() ? "https" : "http") + "://127.0.0.1:" + port + "/");
    }

    /** The file holding this install's token. */
    public Path tokenFile() {
        return token.file();
    }

    /** The certificate to trust (PEM), when serving HTTPS. */
    public Optional<Path> certificateFile() {
        return certificate.map(LocalCertificate::pem);
    }

    /** The private folder requests' temporary files live in (for tests: it must be empty between requests). */
    Path tempRoot() {
        return tempRoot;
    }

    /** The addresses actually listened on. */
    public List<InetAddress> addresses() {
        return bound;
    }

    /** What to tell the user at start: where, the token file, and how to trust the certificate. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        lines.add("marking bridge " + version() + " listening on "
                + String.join(" and ", bound.stream().map(Bridge::shown).toList()) + " only (Ctrl-C stops it)");
        lines.add("url: " + url());
        lines.add("token: " + tokenFile());
        String scheme = config.https() ? "https" : "http";
        lines.add("add-in: " + scheme + "://localhost:" + port + "/addin/taskpane.html  (Word manifest: " + scheme
                + "://localhost:" + port + "/addin/manifest.xml)");
        if (certificate.isPresent()) {
            String pem = certificate.get().pem().toString();
            lines.add("certificate: " + pem + "  (self-signed for localhost, 127.0.0.1, ::1; trust it once:)");
            lines.add("  Windows:  certutil -user -addstore Root \"" + pem + "\"");
            lines.add("  macOS:    security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db \""
                    + pem + "\"");
            lines.add("  Linux:    certutil -d sql:$HOME/.pki/nssdb -A -t \"P,,\" -n marking-bridge -i \"" + pem
                    + "\"   (Chromium, Firefox)");
            lines.add("  curl:     curl --cacert \"" + pem + "\" -H \"X-Marking-Token: $(cat " + tokenFile() + ")\" " + url()
                    + "api/v1/health");
        } else {
            lines.add("WARNING: plain HTTP (--insecure-http) is for tests only; Office will not load the add-in over it");
        }
        return lines;
    }

    private static String shown(InetAddress a) {
        return a instanceof Inet6Address && a.isLoopbackAddress() ? "[::1]" : a.getHostAddress();
    }

    static String version() {
        String v = Bridge.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
        if (httpPool != null) {
            httpPool.shutdownNow();
        }
        if (enginePool != null) {
            enginePool.shutdownNow();
        }
        try {
            if (tempRoot != null) {
                PrivateFiles.deleteTree(tempRoot);
            }
        } catch (IOException e) {
            // Owner-only and in the system temp folder; the OS cleans it up.
            return;
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
