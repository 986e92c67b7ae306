package dev.marking.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A bridge on an ephemeral loopback port with a client that knows its token; closes both. */
final class RunningBridge implements AutoCloseable {

    final Bridge bridge;
    final String token;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final HttpClient client;

    RunningBridge(BridgeConfig config) throws IOException {
        this(config, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    RunningBridge(BridgeConfig config, HttpClient client) throws IOException {
        this.bridge = Bridge.start(config.withLog(new PrintStream(log, true, StandardCharsets.UTF_8)));
        this.token = Files.readString(bridge.tokenFile()).strip();
        this.client = client;
    }

    /** HTTPS on an ephemeral port, config folder {@code folder}, with a client trusting its certificate. */
    static RunningBridge https(BridgeConfig config) throws IOException {
        Path pem = LocalCertificate.loadOrCreate(PrivateFiles.folder(config.folder())).pem();
        return new RunningBridge(config.withHttps(true), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(trust(pem)).build());
    }

    /** {@code http} or {@code https} on an ephemeral port. */
    static RunningBridge of(String scheme, BridgeConfig config) throws IOException {
        return scheme.equals("https") ? https(config) : http(config);
    }

    /** A TLS context trusting only the certificate in {@code pem}. */
    static SSLContext trust(Path pem) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(LocalCertificate.trustStore(pem));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The TLS context this bridge's client uses (HTTPS only). */
    SSLContext tls() {
        return client.sslContext();
    }

    /** HTTP on an ephemeral port, config folder {@code folder}. */
    static RunningBridge http(Path folder) throws IOException {
        return new RunningBridge(BridgeConfig.defaults(0, folder).withHttps(false));
    }

    static RunningBridge http(BridgeConfig config) throws IOException {
        return new RunningBridge(config.withHttps(false));
    }

    URI uri(String pathAndQuery) {
        return bridge.url().resolve(pathAndQuery);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("X-Marking-Token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> post(String path, String name, byte[] body) throws IOException, InterruptedException {
        return post(path, name, body, Map.of("X-Marking-Token", token));
    }

    HttpResponse<byte[]> post(String path, String name, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (name != null) {
            b.header(DocumentName.HEADER, PercentCoding.encode(name));
        }
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A raw HTTP/1.1 request, for headers HttpClient will not let a caller set (Host). Returns the status line. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", bridge.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                sb.append((char) c);
            }
            return sb.toString().strip();
        }
    }

    String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        bridge.close();
    }
}
