package dev.marking.bridge;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line per request: method, route, status, time, and for documents only size and a short content hash. */
final class AccessLog {

    private final PrintStream out;

    AccessLog(PrintStream out) {
        this.out = out;
    }

    /** {@code route} is the path without the query, which may carry a level or channel but never a name. */
    void request(String method, String route, int status, long millis, String docHash, long docSize) {
        StringBuilder sb = new StringBuilder();
        sb.append(Instant.now().truncatedTo(ChronoUnit.MILLIS)).append(' ').append(method).append(' ').append(route)
                .append(' ').append(status).append(' ').append(millis).append("ms");
        if (docHash != null) {
            sb.append(" doc=sha256:").append(docHash).append(" bytes=").append(docSize);
        }
        synchronized (out) {
            out.println(sb);
        }
    }

    void info(String line) {
        synchronized (out) {
            out.println(line);
        }
    }
}
