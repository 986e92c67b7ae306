package dev.marking.bridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The add-in's pages under {@code /addin/}: the task pane, the manifest (pointing at this bridge's port)
 * and office.js, from the jar or, for {@code /addin/office/}, from a configured folder.
 */
final class AddinHandler implements HttpHandler {

    static final String PREFIX = "/addin/";
    private static final String RESOURCES = "dev/marking/bridge/addin/";
    private static final String OFFICE = "office/";
    /** The origin written in the manifest in the source tree; replaced by this bridge's own when served. */
    private static final String MANIFEST_ORIGIN = "https://localhost:" + BridgeConfig.DEFAULT_PORT;
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    /** Office.js sets inline styles; its telemetry frame (to a Microsoft host) stays blocked: documents never leave. */
    private static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "connect-src 'self' blob:; object-src 'none'; base-uri 'none'";

    private final RequestGuard guard;
    private final Optional<Path> officeJs;
    private final String origin;
    private final AccessLog log;

    AddinHandler(RequestGuard guard, Optional<Path> officeJs, String origin, AccessLog log) {
        this.guard = guard;
        this.officeJs = officeJs;
        this.origin = origin;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        int status = 500;
        String path = ex.getRequestURI().getPath();
        String logged = PREFIX + "(other)";
        try {
            var refused = guard.checkOrigin(ex.getRequestHeaders());
            if (refused.isPresent()) {
                status = refused.get().status();
                Responses.error(ex, status, refused.get().code(), refused.get().message());
                return;
            }
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                status = 405;
                ex.getResponseHeaders().set("Allow", "GET");
                Responses.error(ex, status, "method.not-allowed", "pages are read-only");
                return;
            }
            if (!path.startsWith(PREFIX)) {
                status = 302;
                ex.getResponseHeaders().set("Location", PREFIX + "taskpane.html");
                ex.sendResponseHeaders(status, -1);
                return;
            }
            String rel = path.substring(PREFIX.length());
            if (rel.isEmpty()) {
                rel = "taskpane.html";
            }
            byte[] body = SAFE_PATH.matcher(rel).matches() ? load(rel) : null;
            if (body == null) {
                status = 404;
                Responses.error(ex, status, "not.found", "no such page");
                return;
            }
            if (rel.equals("manifest.xml")) {
                body = new String(body, StandardCharsets.UTF_8).replace(MANIFEST_ORIGIN, origin)
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (rel.endsWith(".html")) {
                ex.getResponseHeaders().set("Content-Security-Policy", CSP);
            }
            status = 200;
            logged = PREFIX + rel;
            Responses.bytes(ex, status, Responses.pageType(rel), body);
        } finally {
            log.request(ex.getRequestMethod(), logged, status,
                    (System.nanoTime() - start) / 1_000_000, null, 0);
            ex.close();
        }
    }

    private byte[] load(String rel) throws IOException {
        if (rel.startsWith(OFFICE) && officeJs.isPresent()) {
            Path root = officeJs.get().toAbsolutePath().normalize();
            Path file = root.resolve(rel.substring(OFFICE.length())).normalize();
            return file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        try (InputStream in = AddinHandler.class.getClassLoader().getResourceAsStream(RESOURCES + rel)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
