package dev.marking.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The add-in's pages under {@code /addin/}: the task pane, the manifest (pointing at this bridge's port)
 * and office.js, from the jar or, for {@code /addin/office/}, from a configured folder. Every path passes the
 * guard's Host and Origin checks; none needs a token (Office cannot send one, and pages hold no secret).
 */
final class AddinHandler extends Handler.Abstract {

    static final String PREFIX = "/addin/";
    private static final String RESOURCES = "dev/marking/bridge/addin/";
    private static final String OFFICE = "office/";
    /** The origin written in the manifest in the source tree; replaced by this bridge's own when served. */
    private static final String MANIFEST_ORIGIN = "https://localhost:" + BridgeConfig.DEFAULT_PORT;
    /** Names of letters, digits, '-', '_' and inner dots, in folders alike: no "..", no dot files, no escapes. */
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final RequestGuard guard;
    private final Optional<OfficeJsFolder> officeJs;
    private final String origin;
    private final AccessLog log;

    AddinHandler(RequestGuard guard, Optional<OfficeJsFolder> officeJs, String origin, AccessLog log) {
        this.guard = guard;
        this.officeJs = officeJs;
        this.origin = origin;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        long start = System.nanoTime();
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String logged = PREFIX + "(other)";
        int status;
        var refused = guard.checkOrigin(request.getHeaders(), false);
        if (refused.isPresent()) {
            status = refused.get().status();
            Responses.error(response, status, refused.get().code(), refused.get().message(), callback);
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            status = 405;
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            Responses.error(response, status, "method.not-allowed", "pages are read-only", callback);
        } else if (path == null || !path.startsWith(PREFIX)) {
            status = 302;
            Responses.redirect(response, PREFIX + "taskpane.html", callback);
        } else {
            String rel = path.substring(PREFIX.length());
            if (rel.isEmpty()) {
                rel = "taskpane.html";
            }
            byte[] body = SAFE_PATH.matcher(rel).matches() ? load(rel) : null;
            if (body == null) {
                status = 404;
                Responses.error(response, status, "not.found", "no such page", callback);
            } else {
                if (rel.equals("manifest.xml")) {
                    body = new String(body, StandardCharsets.UTF_8).replace(MANIFEST_ORIGIN, origin)
                            .getBytes(StandardCharsets.UTF_8);
                }
                status = 200;
                logged = PREFIX + rel;
                Responses.page(response, Responses.pageType(rel), body, callback);
            }
        }
        log.request(method, logged, status, (System.nanoTime() - start) / 1_000_000, null, 0);
        return true;
    }

    private byte[] load(String rel) throws IOException {
        if (rel.startsWith(OFFICE) && officeJs.isPresent()) {
            return officeJs.get().read(rel.substring(OFFICE.length())).orElse(null);
        }
        try (InputStream in = AddinHandler.class.getClassLoader().getResourceAsStream(RESOURCES + rel)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
