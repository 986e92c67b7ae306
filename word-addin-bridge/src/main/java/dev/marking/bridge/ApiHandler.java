package dev.marking.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.engine.EngineException;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /api/v1/…}: health and policy (GET), verify, stamp and presend (POST, the document as the body
 * and its name in {@code X-Marking-Filename}), and pair (POST, the code in a header). Every call passes the
 * {@link RequestGuard} before any of its body is read.
 */
final class ApiHandler extends Handler.Abstract {

    static final String PREFIX = "/api/v1/";
    /** On a stamped copy the bridge signed: {@code embedded} (PDF, OOXML) or {@code detached} (the rest). */
    static final String SEALED_HEADER = "X-Marking-Sealed";
    /** With {@code detached}: the copy's {@code name.p7s} (DER CMS), Base64. */
    static final String SIGNATURE_HEADER = "X-Marking-Signature";
    private static final String API = "/api/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only these paths are logged as they are: anything else a client puts in a path stays out of the log. */
    private static final Set<String> ENDPOINTS = Set.of(PREFIX + "health", PREFIX + "policy", PREFIX + "verify",
            PREFIX + "stamp", PREFIX + "presend", PREFIX + "pair");

    private final RequestGuard guard;
    private final Pairing pairing;
    private final Service engine;
    private final long maxBody;
    private final DocumentCall.Setting setting;
    private final AccessLog log;

    ApiHandler(RequestGuard guard, Pairing pairing, Service engine, DocumentCall.Setting setting, AccessLog log) {
        this.guard = guard;
        this.pairing = pairing;
        this.engine = engine;
        this.maxBody = setting.maxBody();
        this.setting = setting;
        this.log = log;
    }

    /** One request: what the access log says of it when it is answered. */
    private final class Call {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long start = System.nanoTime();
        private final String route;
        private volatile String hash;
        private volatile long size;

        Call(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            String path = request.getHttpURI().getPath();
            this.route = ENDPOINTS.contains(path) ? path : PREFIX + "(other)";
        }

        void json(int status, Object body) {
            logged(status);
            Responses.json(response, status, body, callback);
        }

        void error(int status, String code, String message) {
            json(status, Responses.errorBody(code, message));
        }

        void refuse(RequestGuard.Refusal r) {
            error(r.status(), r.code(), r.message());
        }

        void logged(int status) {
            log.request(request.getMethod(), route, status, (System.nanoTime() - start) / 1_000_000, hash, size);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(API)) {
            return false;
        }
        Call call = new Call(request, response, callback);
        Optional<RequestGuard.Refusal> refused = guard.checkOrigin(request.getHeaders(), true);
        String endpoint = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (refused.isEmpty() && !endpoint.equals("pair")) {
            refused = guard.checkCaller(request);
        }
        if (refused.isPresent()) {
            call.refuse(refused.get());
            return true;
        }
        try {
            route(call, endpoint);
        } catch (IllegalArgumentException e) {
            call.error(400, "request.invalid", e.getMessage());
        } catch (UploadedDocument.TooLarge e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            call.error(413, "body.too-large", e.getMessage());
        }
        return true;
    }

    private void route(Call call, String endpoint) throws UploadedDocument.TooLarge {
        String method = call.request.getMethod();
        boolean get = method.equals("GET") || method.equals("HEAD");
        switch (endpoint) {
            case "health" -> {
                if (get) {
                    call.json(200, health());
                    return;
                }
            }
            case "policy" -> {
                if (get) {
                    call.json(200, engine.policyView());
                    return;
                }
            }
            case "pair" -> {
                if (method.equals("POST")) {
                    pair(call);
                    return;
                }
            }
            case "verify", "stamp", "presend" -> {
                if (method.equals("POST")) {
                    document(call, endpoint);
                    return;
                }
            }
            default -> {
                call.error(404, "not.found", "no such endpoint");
                return;
            }
        }
        call.response.getHeaders().put(HttpHeader.ALLOW, get(endpoint) ? "GET" : "POST");
        call.error(405, "method.not-allowed", method + " is not allowed here");
    }

    private static boolean get(String endpoint) {
        return endpoint.equals("health") || endpoint.equals("policy");
    }

    private Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("tool", "marking");
        body.put("version", engine.version());
        body.put("formats", engine.formats());
        body.put("extensions", engine.extensions());
        body.put("maxBody", maxBody);
        body.put("sealed", engine.sealed());
        return body;
    }

    /** The code comes in a header, so nothing of a body is ever read before a caller is known. */
    private void pair(Call call) {
        Pairing.Outcome outcome;
        try {
            outcome = pairing.pair(call.request.getHeaders().get(Pairing.CODE_HEADER));
        } catch (IOException e) {
            call.error(500, "internal", "cannot keep the session: " + e.getClass().getSimpleName());
            return;
        }
        if (outcome.refusal() != null) {
            call.refuse(outcome.refusal());
            return;
        }
        call.response.getHeaders().add(HttpHeader.SET_COOKIE, pairing.cookie(outcome.secret()));
        call.json(200, Map.of("paired", true));
    }

    private void document(Call call, String endpoint) throws UploadedDocument.TooLarge {
        Request request = call.request;
        Map<String, String> query = PercentCoding.query(request.getHttpURI().getQuery());
        String name = DocumentName.of(request.getHeaders().get(DocumentName.HEADER));
        String lang = lang(request, query);
        UploadedDocument.checkLength(request.getLength(), maxBody);
        DocumentCall.start(request, name, setting, new DocumentExchange(call, endpoint, query, lang));
    }

    /** How a document request is worked on and answered. */
    private final class DocumentExchange implements DocumentCall.Exchange {
        private final Call call;
        private final String endpoint;
        private final Map<String, String> query;
        private final String lang;

        DocumentExchange(Call call, String endpoint, Map<String, String> query, String lang) {
            this.call = call;
            this.endpoint = endpoint;
            this.query = query;
            this.lang = lang;
        }

        @Override
        public Object work(UploadedDocument doc) throws Exception {
            call.hash = doc.shortHash();
            call.size = doc.size();
            return switch (endpoint) {
                case "verify" -> engine.verify(doc, lang);
                case "presend" -> engine.presend(doc, query.get("channel"), lang);
                default -> engine.stamp(doc, query, lang).read();
            };
        }

        @Override
        public void answer(Object result) {
            closing();
            if (result instanceof Service.Stamped stamped) {
                var headers = call.response.getHeaders();
                headers.put(DocumentName.HEADER, PercentCoding.encode(stamped.name()));
                headers.put("Content-Disposition", "attachment; filename*=UTF-8''" + PercentCoding.encode(stamped.name()));
                headers.put("X-Marking-Mark", PercentCoding.encode(stamped.mark()));
                headers.put("X-Marking-Properties", PercentCoding.encode(properties(stamped)));
                if (stamped.sealed()) {
                    headers.put(SEALED_HEADER, stamped.detached().isPresent() ? "detached" : "embedded");
                    stamped.detached().ifPresent(der -> headers.put(SIGNATURE_HEADER,
                            Base64.getEncoder().encodeToString(der)));
                }
                call.logged(200);
                Responses.bytes(call.response, 200, engine.mediaType(stamped.name()), stamped.bytes(), call.callback);
            } else {
                call.json(200, result);
            }
        }

        @Override
        public void failed(Throwable cause) {
            closing();
            if (cause instanceof UploadedDocument.TooLarge) {
                call.error(413, "body.too-large", cause.getMessage());
            } else if (cause instanceof IllegalArgumentException) {
                call.error(400, "request.invalid", cause.getMessage());
            } else if (cause instanceof HttpException http) {
                call.error(http.getCode(), "request.invalid", "the request body is malformed");
            } else if (cause instanceof EngineException bad) {
                call.error(400, bad.code(), bad.getMessage());
            } else if (cause instanceof Service.Unprocessable doc) {
                call.error(422, doc.code(), doc.getMessage());
            } else {
                // The class name only: an exception message may quote the document.
                call.error(500, "internal", "the engine failed: " + cause.getClass().getSimpleName());
            }
        }

        @Override
        public void timedOut(String message) {
            closing();
            call.error(503, "request.timeout", message);
        }

        @Override
        public void abandoned(Throwable why) {
            call.logged(499);
            call.callback.failed(why);
        }

        /** See {@link DisconnectWatch}: a document answer ends its connection. */
        private void closing() {
            call.response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    private static String properties(Service.Stamped stamped) {
        try {
            return JSON.writeValueAsString(stamped.metadata());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("properties not serialisable", e);
        }
    }

    /** {@code ?lang=zh|en}, else the browser's Accept-Language. */
    private static String lang(Request request, Map<String, String> query) {
        String lang = query.get("lang");
        if (lang == null) {
            String accept = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
            lang = accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
        }
        return lang.startsWith("zh") ? "zh" : "en";
    }
}
