package dev.marking.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices a client that hangs up while its document is being checked. An HTTP/1.1 server reads nothing
 * between a request's body and its answer, so it would only learn of it when writing; this asks to be told
 * when the connection becomes readable, which for a waiting client means it closed. The answer then closes
 * the connection (the read interest cannot be handed back), which is why document answers say
 * {@code Connection: close}.
 */
final class DisconnectWatch implements Callback {

    private final EndPoint endPoint;
    private final Runnable gone;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private DisconnectWatch(EndPoint endPoint, Runnable gone) {
        this.endPoint = endPoint;
        this.gone = gone;
    }

    /** Starts watching {@code request}'s connection; {@code gone} runs at most once, when the client has left. */
    static DisconnectWatch start(Request request, Runnable gone) {
        DisconnectWatch w = new DisconnectWatch(request.getConnectionMetaData().getConnection().getEndPoint(), gone);
        w.arm();
        return w;
    }

    /** Stops watching, before the answer is written. */
    void stop() {
        stopped.set(true);
    }

    private void arm() {
        if (!stopped.get() && !endPoint.tryFillInterested(this)) {
            // Someone else reads the connection already; they will see the end first.
            stopped.set(true);
        }
    }

    @Override
    public void succeeded() {
        if (stopped.get()) {
            return;
        }
        ByteBuffer buffer = BufferUtil.allocate(1);
        int n;
        try {
            n = endPoint.fill(buffer);
        } catch (IOException e) {
            leave();
            return;
        }
        if (n < 0) {
            leave();
        } else if (n == 0) {
            arm();
        } else {
            // A pipelined request we cannot give back: stop watching; the answer closes the connection.
            stopped.set(true);
        }
    }

    @Override
    public void failed(Throwable x) {
        leave();
    }

    private void leave() {
        if (stopped.compareAndSet(false, true)) {
            gone.run();
        }
    }

    /** Cancelling the work may take a moment: not on a selector thread. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }
}
