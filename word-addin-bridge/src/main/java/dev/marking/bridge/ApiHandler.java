package dev.marking.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.marking.core.engine.EngineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * {@code /api/v1/…}: health and policy (GET), verify, stamp and presend (POST, the document as the body
 * and its name in {@code X-Marking-Filename}). Every call passes the {@link RequestGuard} first.
 */
final class ApiHandler implements HttpHandler {

    static final String PREFIX = "/api/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only these paths are logged as they are: anything else a client puts in a path stays out of the log. */
    private static final java.util.Set<String> ENDPOINTS = java.util.Set.of(PREFIX + "health", PREFIX + "policy",
            PREFIX + "verify", PREFIX + "stamp", PREFIX + "presend");

    private final RequestGuard guard;
    private final Service engine;
    private final BridgeConfig config;
    private final Path tempRoot;
    private final ExecutorService pool;
    private final AccessLog log;

    ApiHandler(RequestGuard guard, Service engine, BridgeConfig config, Path tempRoot, ExecutorService pool, AccessLog log) {
        this.guard = guard;
        this.engine = engine;
        this.config = config;
        this.tempRoot = tempRoot;
        this.pool = pool;
        this.log = log;
    }

    /** What one request did, for the access log. */
    private static final class Outcome {
        private volatile int status = 500;
        private volatile String hash;
        private volatile long size;
    }

    /** The request's document once read; closing it removes it from disk. */
    private static final class Held implements AutoCloseable {
        private volatile UploadedDocument doc;

        UploadedDocument set(UploadedDocument d) {
            doc = d;
            return d;
        }

        @Override
        public void close() throws IOException {
            UploadedDocument d = doc;
            if (d != null) {
                d.close();
            }
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        Outcome outcome = new Outcome();
        String route = ex.getRequestURI().getPath();
        try {
            Optional<RequestGuard.Refusal> refused = guard.checkOrigin(ex.getRequestHeaders())
                    .or(() -> guard.checkToken(ex.getRequestHeaders()));
            if (refused.isPresent()) {
                RequestGuard.Refusal r = refused.get();
                outcome.status = r.status();
                Responses.error(ex, r.status(), r.code(), r.message());
                return;
            }
            route(ex, route.substring(PREFIX.length()), outcome);
        } catch (IllegalArgumentException e) {
            outcome.status = 400;
            Responses.error(ex, 400, "request.invalid", e.getMessage());
        } catch (UploadedDocument.TooLarge e) {
            outcome.status = 413;
            ex.getResponseHeaders().set("Connection", "close");
            Responses.error(ex, 413, "body.too-large", e.getMessage());
        } finally {
            log.request(ex.getRequestMethod(), ENDPOINTS.contains(route) ? route : PREFIX + "(other)", outcome.status,
                    (System.nanoTime() - start) / 1_000_000, outcome.hash, outcome.size);
            ex.close();
        }
    }

    private void route(HttpExchange ex, String endpoint, Outcome outcome) throws IOException {
        String method = ex.getRequestMethod();
        boolean get = method.equals("GET") || method.equals("HEAD");
        switch (endpoint) {
            case "health" -> {
                if (get) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", "ok");
                    body.put("tool", "marking");
                    body.put("version", engine.version());
                    body.put("formats", engine.formats());
                    body.put("extensions", engine.extensions());
                    body.put("maxBody", config.maxBody());
                    send(ex, outcome, 200, body);
                    return;
                }
            }
            case "policy" -> {
                if (get) {
                    send(ex, outcome, 200, engine.policyView());
                    return;
                }
            }
            case "verify", "stamp", "presend" -> {
                if (method.equals("POST")) {
                    document(ex, endpoint, outcome);
                    return;
                }
            }
            default -> {
                send(ex, outcome, 404, Map.of("error", "not.found", "message", "no such endpoint"));
                return;
            }
        }
        ex.getResponseHeaders().set("Allow", endpoint.equals("health") || endpoint.equals("policy") ? "GET" : "POST");
        send(ex, outcome, 405, Map.of("error", "method.not-allowed", "message", method + " is not allowed here"));
    }

    private void document(HttpExchange ex, String endpoint, Outcome outcome) throws IOException {
        Map<String, String> query = PercentCoding.query(ex.getRequestURI().getRawQuery());
        String name = DocumentName.of(ex.getRequestHeaders().getFirst(DocumentName.HEADER));
        String lang = lang(ex, query);
        UploadedDocument.checkLength(ex, config.maxBody());
        Held held = new Held();
        Object result;
        try {
            // Reading the body is inside the deadline too, so a slow upload cannot hold a thread for ever.
            result = TimedWork.run(pool, config.timeout().toMillis(), () -> {
                UploadedDocument doc = held.set(UploadedDocument.read(ex, name, tempRoot, config.maxBody()));
                outcome.hash = doc.shortHash();
                outcome.size = doc.size();
                return switch (endpoint) {
                    case "verify" -> engine.verify(doc, lang);
                    case "presend" -> engine.presend(doc, query.get("channel"), lang);
                    default -> engine.stamp(doc, query, lang).read();
                };
            }, held);
        } catch (TimedWork.TimedOut e) {
            // The work still running owns the document now and removes it when it stops.
            ex.getResponseHeaders().set("Connection", "close");
            try {
                send(ex, outcome, 503, Map.of("error", "request.timeout", "message", e.getMessage()));
            } finally {
                e.abort();
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held.close();
            send(ex, outcome, 503, Map.of("error", "request.interrupted", "message", "the bridge is stopping"));
            return;
        } catch (ExecutionException e) {
            held.close();
            failed(ex, outcome, e.getCause());
            return;
        }
        // Nothing of the request stays on disk once the client has its answer.
        held.close();
        if (result instanceof Service.Stamped stamped) {
            var headers = ex.getResponseHeaders();
            headers.set(DocumentName.HEADER, PercentCoding.encode(stamped.name()));
            headers.set("Content-Disposition", "attachment; filename*=UTF-8''" + PercentCoding.encode(stamped.name()));
            headers.set("X-Marking-Mark", PercentCoding.encode(stamped.mark()));
            headers.set("X-Marking-Properties", PercentCoding.encode(JSON.writeValueAsString(stamped.metadata())));
            outcome.status = 200;
            Responses.bytes(ex, 200, engine.mediaType(stamped.name()), stamped.bytes());
        } else {
            send(ex, outcome, 200, result);
        }
    }

    private void failed(HttpExchange ex, Outcome outcome, Throwable cause) throws IOException {
        // Answered by handle(), like the same refusals before the work started.
        if (cause instanceof UploadedDocument.TooLarge tooLarge) {
            throw tooLarge;
        }
        if (cause instanceof IllegalArgumentException bad) {
            throw bad;
        }
        if (cause instanceof EngineException bad) {
            send(ex, outcome, 400, Map.of("error", bad.code(), "message", bad.getMessage()));
        } else if (cause instanceof Service.Unprocessable doc) {
            send(ex, outcome, 422, Map.of("error", doc.code(), "message", doc.getMessage()));
        } else {
            // The class name only: an exception message may quote the document.
            send(ex, outcome, 500, Map.of("error", "internal", "message", "the engine failed: "
                    + (cause == null ? "unknown" : cause.getClass().getSimpleName())));
        }
    }

    private static void send(HttpExchange ex, Outcome outcome, int status, Object body) throws IOException {
        outcome.status = status;
        Responses.json(ex, status, body);
    }

    /** {@code ?lang=zh|en}, else the browser's Accept-Language. */
    private static String lang(HttpExchange ex, Map<String, String> query) {
        String lang = query.get("lang");
        if (lang == null) {
            String accept = ex.getRequestHeaders().getFirst("Accept-Language");
            lang = accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
        }
        return lang.startsWith("zh") ? "zh" : "en";
    }
}
