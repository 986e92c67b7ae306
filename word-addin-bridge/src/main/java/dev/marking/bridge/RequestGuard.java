package dev.marking.bridge;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a request may be served, before any of it is read: the Host must be a loopback name
 * (DNS rebinding), a browser's Origin must be the bridge's own (no cross-origin callers), and API calls
 * must present this install's token.
 */
final class RequestGuard {

    static final String TOKEN_HEADER = "X-Marking-Token";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Why a request is refused: the HTTP status and an error code for the JSON body. */
    record Refusal(int status, String code, String message) {
    }

    private final AccessToken token;
    private final int port;
    private final String scheme;

    RequestGuard(AccessToken token, int port, boolean https) {
        this.token = token;
        this.port = port;
        this.scheme = https ? "https" : "http";
    }

    /** Checks Host and Origin; every path, pages included. */
    Optional<Refusal> checkOrigin(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !loopbackHost(host)) {
            return Optional.of(new Refusal(421, "host.refused",
                    "the Host header must be localhost, 127.0.0.1 or [::1] with this port"));
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !ownOrigin(origin)) {
            return Optional.of(new Refusal(403, "origin.refused", "cross-origin requests are refused"));
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return Optional.of(new Refusal(403, "origin.refused", "cross-site requests are refused"));
        }
        return Optional.empty();
    }

    /** Checks the token; API calls only. */
    Optional<Refusal> checkToken(Headers headers) {
        if (!token.matches(headers.getFirst(TOKEN_HEADER))) {
            return Optional.of(new Refusal(401, "token.refused",
                    "missing or wrong " + TOKEN_HEADER + " (the token is in the file the bridge printed at start)"));
        }
        return Optional.empty();
    }

    private boolean loopbackHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String name = h;
        if (colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            if (!h.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
        }
        return LOOPBACK_NAMES.contains(name);
    }

    private boolean ownOrigin(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.stream().anyMatch(name -> o.equals(scheme + "://" + name + ":" + port));
    }
}
