package dev.marking.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes responses, each with the headers that keep a browser from caching, sniffing, leaking or framing them:
 * only the task pane's pages may be framed, and only by this bridge itself and Office's own hosts.
 */
final class Responses {

    /** Office on the web and Office's sign-in pages host task panes in frames from these. */
    static final String OFFICE_FRAME_ANCESTORS = "'self' https://*.office.com https://*.office365.com "
            + "https://*.officeapps.live.com https://*.sharepoint.com https://*.cloud.microsoft";
    /** Answers that are not pages may not be framed by anyone. */
    static final String NOT_FRAMED = "frame-ancestors 'none'; default-src 'none'; sandbox";
    /** Office.js sets inline styles; its telemetry frame (to a Microsoft host) stays blocked: documents never leave. */
    static final String PAGE = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors "
            + OFFICE_FRAME_ANCESTORS;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    static void json(Response response, int status, Object body, Callback callback) {
        byte[] bytes;
        try {
            bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
        bytes(response, status, "application/json; charset=utf-8", bytes, callback);
    }

    static void error(Response response, int status, String code, String message, Callback callback) {
        json(response, status, errorBody(code, message), callback);
    }

    static Map<String, Object> errorBody(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    /** An answer that is not a page: data, errors, documents. */
    static void bytes(Response response, int status, String contentType, byte[] bytes, Callback callback) {
        response.setStatus(status);
        common(response.getHeaders(), contentType, false);
        send(response, bytes, callback);
    }

    /** A page or file of the task pane, which Office may frame. */
    static void page(Response response, String contentType, byte[] bytes, Callback callback) {
        response.setStatus(200);
        common(response.getHeaders(), contentType, true);
        send(response, bytes, callback);
    }

    /** A redirect within the bridge. */
    static void redirect(Response response, String location, Callback callback) {
        response.setStatus(302);
        common(response.getHeaders(), null, false);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        send(response, new byte[0], callback);
    }

    private static void send(Response response, byte[] bytes, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** The headers every answer carries; Jetty's own error answers get them through {@link ErrorAnswers}. */
    static void common(HttpFields.Mutable h, String contentType, boolean page) {
        if (contentType != null) {
            h.put(HttpHeader.CONTENT_TYPE, contentType);
        }
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        if (page) {
            // No X-Frame-Options here: it cannot name Office's hosts, and browsers that know frame-ancestors ignore it.
            h.put("Content-Security-Policy", PAGE);
        } else {
            h.put("Content-Security-Policy", NOT_FRAMED);
            h.put("X-Frame-Options", "DENY");
        }
    }

    /** The content type of a page of the add-in by its name (documents take theirs from the format registry). */
    static String pageType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (n.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (n.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (n.endsWith(".xml")) {
            return "application/xml; charset=utf-8";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}
