package dev.marking.bridge;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * Decides whether a request may be served, before any of its body is read: the Host must be a loopback name
 * (DNS rebinding), a browser's Origin must be the bridge's own (no cross-origin callers), and API calls must
 * present this install's token or a paired session's cookie.
 */
final class RequestGuard {

    static final String TOKEN_HEADER = "X-Marking-Token";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    /** What browsers say of a call from the bridge's own page, or of one the user typed. */
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    /** Why a request is refused: the HTTP status and an error code for the JSON body. */
    record Refusal(int status, String code, String message) {
    }

    private final AccessToken token;
    private final Pairing pairing;
    private final int port;
    private final String scheme;

    RequestGuard(AccessToken token, Pairing pairing, int port, boolean https) {
        this.token = token;
        this.pairing = pairing;
        this.port = port;
        this.scheme = https ? "https" : "http";
    }

    /**
     * Checks Host, Origin and Sec-Fetch-Site; every path, pages included. Pages may be loaded by a frame of
     * Office's (same-site or cross-site is then for {@code frame-ancestors} to decide); API calls only by the
     * bridge's own page or by a program (which sends no Sec-Fetch-Site).
     */
    Optional<Refusal> checkOrigin(HttpFields headers, boolean api) {
        String host = headers.get("Host");
        if (host == null || !loopbackHost(host)) {
            return Optional.of(new Refusal(421, "host.refused",
                    "the Host header must be localhost, 127.0.0.1 or [::1] with this port"));
        }
        String origin = headers.get("Origin");
        if (origin != null && !ownOrigin(origin)) {
            return Optional.of(new Refusal(403, "origin.refused", "cross-origin requests are refused"));
        }
        String site = headers.get("Sec-Fetch-Site");
        if (site != null) {
            String s = site.strip().toLowerCase(Locale.ROOT);
            if (api ? !OWN_FETCH_SITES.contains(s) : s.equals("cross-site")) {
                return Optional.of(new Refusal(403, "origin.refused", s + " requests are refused"));
            }
        }
        return Optional.empty();
    }

    /** Checks the caller: the token header, or a paired session's cookie; API calls only. */
    Optional<Refusal> checkCaller(Request request) {
        String presented = request.getHeaders().get(TOKEN_HEADER);
        if (presented != null ? token.matches(presented) : pairing.knows(session(request))) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(401, "token.refused", "missing or wrong " + TOKEN_HEADER
                + " or session: pair this page with the code the bridge shows, or send the token from its file"));
    }

    private static String session(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(Pairing.COOKIE)) {
                return c.getValue();
            }
        }
        return null;
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
