package dev.marking.bridge;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The loopback service the Word add-in talks to: HTTPS (or, for tests, HTTP) on 127.0.0.1 and ::1 only,
 * with {@code /api/v1/} for the engine and {@code /addin/} for the task pane, on a Jetty server whose
 * connections cost no thread while they wait.
 */
public final class Bridge implements AutoCloseable {

    /** Between reads or writes within a request; a connection waiting for one is bounded by the limits. */
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final BridgeConfig config;
    private final Server server;
    private final Parts parts;
    private final Object closing = new Object();
    private boolean closed;

    private Bridge(BridgeConfig config, Server server, Parts parts) {
        this.config = config;
        this.server = server;
        this.parts = parts;
    }

    /** What {@link #start} makes before the server runs; {@link #close} undoes whatever of it exists. */
    private static final class Parts {
        private AccessToken token;
        private Pairing pairing;
        private Optional<LocalCertificate> certificate = Optional.empty();
        private Path tempRoot;
        private ExecutorService engine;
        private ScheduledExecutorService scheduler;
        private RequestWait requestWait;
        private LoopbackListeners.Bound bound;
        private Optional<String> signer = Optional.empty();
    }

    /**
     * Starts the bridge; the token and, for HTTPS, the certificate are created in the config folder on first
     * start. Fails when any loopback address cannot be listened on (see {@link LoopbackListeners}).
     */
    public static Bridge start(BridgeConfig config) throws IOException {
        Parts p = new Parts();
        QueuedThreadPool threads = new QueuedThreadPool(config.limits().threads(), 4);
        threads.setName("marking-bridge-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        Bridge bridge = new Bridge(config, server, p);
        try {
            bridge.build();
            server.start();
        } catch (IOException | RuntimeException e) {
            bridge.close();
            throw e;
        } catch (Exception e) {
            bridge.close();
            throw new IOException("cannot start the bridge: " + e.getMessage(), e);
        }
        return bridge;
    }

    private void build() throws IOException {
        Service engine = new Service(new Engine(config.formats(), version()), config.policy(), config.sign());
        // The user's signing key opens before anything is created or listened on: a wrong password stops the start.
        try {
            parts.signer = engine.signer();
        } catch (EngineException e) {
            throw new IOException(e.getMessage(), e);
        }
        AccessLog log = new AccessLog(config.log());
        Optional<OfficeJsFolder> officeJs = config.officeJs().isPresent()
                ? Optional.of(OfficeJsFolder.of(config.officeJs().get())) : Optional.empty();
        Path folder = PrivateFiles.folder(config.folder());
        parts.token = AccessToken.loadOrCreate(folder);
        parts.pairing = Pairing.load(folder, config.https(), log::info);
        if (config.https()) {
            parts.certificate = Optional.of(LocalCertificate.loadOrCreate(folder));
        }
        parts.tempRoot = UploadFolders.create();
        parts.engine = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("marking-bridge-engine"));
        parts.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("marking-bridge-timer"));
        parts.requestWait = new RequestWait(config.limits().waitForRequest(), parts.scheduler);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(config.limits().headerBytes());
        http.setResponseHeaderSize(32 * 1024);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        Supplier<ConnectionFactory[]> factories = factories(http);
        parts.bound = LoopbackListeners.open(server, config.addresses(), config.port(), factories,
                Math.max(IDLE.toMillis(), config.timeout().toMillis() + 5_000));
        for (var c : server.getConnectors()) {
            c.addEventListener(parts.requestWait);
        }
        server.addBean(new NetworkConnectionLimit(config.limits().connections(), server));
        server.setErrorHandler(new ErrorAnswers(log));
        server.setStopTimeout(0);

        RequestGuard guard = new RequestGuard(parts.token, parts.pairing, port(), config.https());
        DocumentCall.Setting setting = new DocumentCall.Setting(parts.engine, parts.scheduler, parts.tempRoot,
                config.maxBody(), config.timeout());
        server.setHandler(new Handler.Sequence(new ApiHandler(guard, parts.pairing, engine, setting, log),
                new AddinHandler(guard, officeJs, scheme() + "://localhost:" + port(), log)));
    }

    /** HTTP/1.1, under TLS with the bridge's own settings when HTTPS; a new set per listener. */
    private Supplier<ConnectionFactory[]> factories(HttpConfiguration plain) {
        if (parts.certificate.isEmpty()) {
            return () -> new ConnectionFactory[] {new HttpConnectionFactory(plain)};
        }
        LocalCertificate certificate = parts.certificate.get();
        HttpConfiguration secure = new HttpConfiguration(plain);
        // Clients name the bridge 127.0.0.1 or [::1] as well as localhost; the Host guard decides on names.
        secure.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        return () -> new ConnectionFactory[] {new SslConnectionFactory(ServerTls.factory(certificate),
                HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(secure)};
    }

    public int port() {
        return parts.bound.port();
    }

    private String scheme() {
        return config.https() ? "https" : "http";
    }

    /** {@code https://127.0.0.1:PORT/}. */
    public URI url() {
        return URI.create(scheme() + "://127.0.0.1:" + port() + "/");
    }

    /** The file holding this install's token. */
    public Path tokenFile() {
        return parts.token.file();
    }

    /** The code to type into a task pane now (one use; the next is shown in the log). */
    public String pairingCode() {
        return parts.pairing.code();
    }

    /** The certificate to trust (PEM), when serving HTTPS. */
    public Optional<Path> certificateFile() {
        return parts.certificate.map(LocalCertificate::pem);
    }

    /** The private folder requests' temporary files live in (for tests: it must be empty between requests). */
    Path tempRoot() {
        return parts.tempRoot;
    }

    /** Connections waiting for a request head (for tests). */
    int waitingConnections() {
        return parts.requestWait.size();
    }

    /** The addresses actually listened on. */
    public List<InetAddress> addresses() {
        return parts.bound.addresses();
    }

    /** What to tell the user at start: where, the pairing code, the token file, and how to trust the certificate. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        lines.add("marking bridge " + version() + " listening on "
                + String.join(" and ", addresses().stream().map(LoopbackListeners::shown).toList())
                + " only (Ctrl-C stops it)");
        for (InetAddress a : parts.bound.absent()) {
            lines.add("  (not on " + LoopbackListeners.shown(a) + ": this machine has no IPv6 loopback)");
        }
        lines.add("url: " + url());
        parts.signer.ifPresent(s -> lines.add("seal: every stamped document is signed by " + s + " (key "
                + config.sign().orElseThrow().keystore() + ")"));
        lines.add("pairing code: " + pairingCode() + "  (type it once into the task pane; one use, the next one is"
                + " printed then; also in " + config.folder().resolve(Pairing.CODE_FILE) + ")");
        lines.add("token: " + tokenFile() + "  (for scripts: header " + RequestGuard.TOKEN_HEADER + ")");
        lines.add("add-in: " + scheme() + "://localhost:" + port() + "/addin/taskpane.html  (Word manifest: " + scheme()
                + "://localhost:" + port() + "/addin/manifest.xml)");
        if (parts.certificate.isPresent()) {
            String pem = parts.certificate.get().pem().toString();
            lines.add("certificate: " + pem + "  (self-signed for localhost, 127.0.0.1, ::1; trust it once:)");
            lines.add("  Windows:  certutil -user -addstore Root \"" + pem + "\"");
            lines.add("  macOS:    security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db \""
                    + pem + "\"");
            lines.add("  Linux:    certutil -d sql:$HOME/.pki/nssdb -A -t \"P,,\" -n marking-bridge -i \"" + pem
                    + "\"   (Chromium, Firefox)");
            lines.add("  curl:     curl --cacert \"" + pem + "\" -H \"" + RequestGuard.TOKEN_HEADER + ": $(cat "
                    + tokenFile() + ")\" " + url() + "api/v1/health");
        } else {
            lines.add("WARNING: plain HTTP (--insecure-http) is for tests only; Office will not load the add-in over it");
        }
        return lines;
    }

    static String version() {
        String v = Bridge.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Closes the bridge when the JVM is asked to stop (SIGTERM, Ctrl-C), before it exits: the server stops,
     * running work is interrupted and the uploads folder is deleted.
     */
    public void closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "marking-bridge-shutdown"));
    }

    /** Waits until the bridge is closed. */
    public void awaitClose() throws InterruptedException {
        server.join();
    }

    /** Stops listening, interrupts running work and deletes every upload; safe to call more than once. */
    @Override
    public void close() {
        synchronized (closing) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping the listeners is best effort; the uploads below are removed regardless.
            config.log().println("marking bridge: stopping the server: " + e.getClass().getSimpleName());
        }
        for (Connector c : server.getConnectors()) {
            // Opened before the server started: a failed start must not keep the port.
            if (c instanceof ServerConnector listener) {
                listener.close();
            }
        }
        if (parts.requestWait != null) {
            parts.requestWait.stop();
        }
        stop(parts.engine);
        stop(parts.scheduler);
        if (parts.tempRoot != null) {
            UploadFolders.delete(parts.tempRoot);
        }
    }

    private static void stop(ExecutorService pool) {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
