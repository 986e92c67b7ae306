package dev.marking.bridge;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;

/**
 * One document request from its first body byte to its answer, without a thread waiting on it: the body is
 * taken as it arrives, the engine works on its own pool, and exactly one of these answers: the work's result,
 * the deadline (503, and the work is interrupted), or the client leaving (the work is interrupted, nobody
 * answers). The document is deleted before any answer, by whoever holds it last.
 */
final class DocumentCall implements UploadedDocument.Receiver {

    private static final int READING = 0;
    private static final int WORKING = 1;
    private static final int ANSWERED = 2;

    /** Where documents are taken and worked on, and for how long. */
    record Setting(ExecutorService engine, ScheduledExecutorService scheduler, Path tempRoot, long maxBody,
            Duration timeout) {
    }

    /** What the API does with the document and how it answers; each answer is given at most once. */
    interface Exchange {
        /** On the engine's pool; the thread is interrupted when the call is abandoned. */
        Object work(UploadedDocument doc) throws Exception;

        void answer(Object result);

        /** The work failed, or the body could not be taken (too large, malformed). */
        void failed(Throwable cause);

        void timedOut(String message);

        /** The client left: no answer can reach it. */
        void abandoned(Throwable why);
    }

    private final Request request;
    private final Setting setting;
    private final Exchange exchange;
    private final AtomicInteger phase = new AtomicInteger(READING);
    /** Whoever sets this first owns the document: the work when it starts, or the canceller before it does. */
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile boolean late;
    private volatile UploadedDocument doc;
    private volatile Future<?> work;
    private volatile DisconnectWatch watch;
    private volatile ScheduledFuture<?> deadline;

    private DocumentCall(Request request, Setting setting, Exchange exchange) {
        this.request = request;
        this.setting = setting;
        this.exchange = exchange;
    }

    /** Starts taking {@code request}'s body as the document {@code name}. */
    static void start(Request request, String name, Setting setting, Exchange exchange) {
        DocumentCall call = new DocumentCall(request, setting, exchange);
        call.deadline = setting.scheduler().schedule(call::deadlinePassed, setting.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        // While the engine works nothing moves on the connection: that idleness is the deadline's to judge.
        request.addIdleTimeoutListener(t -> call.phase.get() != WORKING);
        request.addFailureListener(call::clientLeft);
        UploadedDocument.receive(request, name, setting.tempRoot(), setting.maxBody(), call);
    }

    @Override
    public void received(UploadedDocument d) {
        doc = d;
        if (!phase.compareAndSet(READING, WORKING)) {
            closeQuietly(d);
            return;
        }
        watch = DisconnectWatch.start(request, () -> clientLeft(new EOFException("the client closed the connection")));
        work = setting.engine().submit(this::run);
        if (late) {
            // The deadline passed while the last chunk was being taken.
            deadlinePassed();
        }
    }

    @Override
    public void failed(Throwable why) {
        if (!phase.compareAndSet(READING, ANSWERED)) {
            return;
        }
        finish();
        if (why instanceof UploadedDocument.TooLarge) {
            exchange.failed(why);
        } else if (late || why instanceof TimeoutException) {
            exchange.timedOut(timeoutMessage());
        } else if (why instanceof EOFException) {
            exchange.abandoned(why);
        } else {
            exchange.failed(why);
        }
    }

    private void run() {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        Object result = null;
        Exception failure = null;
        try {
            result = exchange.work(doc);
        } catch (Exception e) {
            failure = e;
        } finally {
            // Nothing of the request stays on disk once the client has its answer.
            closeQuietly(doc);
        }
        if (phase.compareAndSet(WORKING, ANSWERED)) {
            finish();
            if (failure != null) {
                exchange.failed(failure);
            } else {
                exchange.answer(result);
            }
        }
    }

    private void deadlinePassed() {
        late = true;
        if (phase.get() == READING) {
            // The reader is told through the body and answers; nothing else may answer while it may still read.
            request.fail(new TimeoutException(timeoutMessage()));
        } else if (phase.compareAndSet(WORKING, ANSWERED)) {
            finish();
            exchange.timedOut(timeoutMessage());
            cancelWork();
        }
    }

    private void clientLeft(Throwable why) {
        if (phase.compareAndSet(WORKING, ANSWERED)) {
            finish();
            cancelWork();
            exchange.abandoned(why);
        }
    }

    private void cancelWork() {
        Future<?> f = work;
        if (f != null) {
            f.cancel(true);
        }
        if (claimed.compareAndSet(false, true)) {
            closeQuietly(doc);
        }
    }

    private void finish() {
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        DisconnectWatch w = watch;
        if (w != null) {
            w.stop();
        }
    }

    private String timeoutMessage() {
        return "the request took longer than " + setting.timeout().toMillis() + " ms";
    }

    private static void closeQuietly(UploadedDocument d) {
        if (d == null) {
            return;
        }
        try {
            d.close();
        } catch (IOException e) {
            // Left in the bridge's private temp folder, which goes when the bridge stops.
            return;
        }
    }
}
