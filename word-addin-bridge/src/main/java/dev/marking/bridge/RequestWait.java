package dev.marking.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;

/**
 * Closes a connection that has gone {@code limit} without a complete request head while no request of it is
 * being answered: a TLS handshake that stops after the first bytes, headers sent a byte at a time, or a
 * connection left idle. Idle timeouts alone miss the trickle; here only a whole request head counts.
 */
final class RequestWait implements Connection.Listener {

    /** What a watched connection had done when it was last seen to make progress. */
    private static final class Seen {
        private long messagesIn;
        private long messagesOut;
        private long since;

        Seen(long now) {
            this.since = now;
        }
    }

    private final long limitNanos;
    private final Map<Connection, Seen> watched = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweep;

    RequestWait(Duration limit, ScheduledExecutorService scheduler) {
        this.limitNanos = limit.toNanos();
        long every = Math.max(50, limit.toMillis() / 5);
        this.sweep = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        // Over TLS the HTTP connection sits on the decrypted side and is opened with it, before the handshake.
        if (!(connection instanceof SslConnection)) {
            watched.put(connection, new Seen(System.nanoTime()));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        watched.remove(connection);
    }

    /** Connections being watched (for tests). */
    int size() {
        return watched.size();
    }

    void stop() {
        sweep.cancel(false);
    }

    private void sweep() {
        long now = System.nanoTime();
        watched.forEach((connection, seen) -> {
            long in = connection.getMessagesIn();
            long out = connection.getMessagesOut();
            if (in != seen.messagesIn || out != seen.messagesOut) {
                seen.messagesIn = in;
                seen.messagesOut = out;
                seen.since = now;
            } else if (in == out && now - seen.since > limitNanos) {
                watched.remove(connection);
                connection.close();
            }
        });
    }
}
