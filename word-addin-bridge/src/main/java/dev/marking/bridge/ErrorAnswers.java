package dev.marking.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty itself gives (a request head too large, a malformed request, a failed handler): the same
 * JSON error shape and the same protective headers as every other answer, never an HTML page or a stack.
 */
final class ErrorAnswers extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AccessLog log;

    ErrorAnswers(AccessLog log) {
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() < 400 ? 500 : response.getStatus();
        response.getHeaders().remove(HttpHeader.CONTENT_ENCODING);
        log.request(request.getMethod(), "(refused by the server)", status, 0, null, 0);
        Responses.error(response, status, code(status), reason(status), callback);
        return true;
    }

    /** Answers to requests too broken to reach a handler (431, 400 for a bad request line or URI). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Responses.common(fields, "application/json; charset=utf-8", false);
        log.request("-", "(malformed request)", status, 0, null, 0);
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(Responses.errorBody(code(status), reason(status))));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "request.invalid";
            case 404 -> "not.found";
            case 408 -> "request.timeout";
            case 413 -> "body.too-large";
            case 414, 431 -> "header.too-large";
            case 500 -> "internal";
            case 503 -> "unavailable";
            default -> "http." + status;
        };
    }

    /** The standard reason only: Jetty's messages may quote a header or the path. */
    private static String reason(int status) {
        String r = HttpStatus.getMessage(status);
        return r == null ? "HTTP " + status : r.toLowerCase(Locale.ROOT);
    }
}
