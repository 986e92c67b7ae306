package dev.marking.bridge;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a request's work (reading the body, then the engine) with a deadline. Whoever ends up last holding the request's document
 * cleans it up: the handler when the work finished or never started, the work itself when the handler
 * gave up while it was running.
 */
final class TimedWork {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;
    private static final int DONE = 3;

    private TimedWork() {
    }

    /** The work ran out of time; the request's document is cleaned up by whoever holds it. */
    static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Runnable abort;

        TimedOut(long millis, Runnable abort) {
            super("the request took longer than " + millis + " ms");
            this.abort = abort;
        }

        /**
         * Interrupts the work; call it after answering, because interrupting a thread that is reading the
         * request body closes the connection (which is also what ends a slow upload).
         */
        void abort() {
            abort.run();
        }
    }

    /**
     * Runs {@code work} on {@code pool} and waits at most {@code millis}; on time-out {@code cleanup}
     * runs exactly once, after the work has stopped touching the document, and the caller answers and
     * then calls {@link TimedOut#abort()}.
     */
    static <T> T run(ExecutorService pool, long millis, Callable<T> work, AutoCloseable cleanup)
            throws TimedOut, ExecutionException, InterruptedException {
        AtomicInteger state = new AtomicInteger(QUEUED);
        Future<T> future = pool.submit(() -> {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return null;
            }
            try {
                return work.call();
            } finally {
                if (!state.compareAndSet(RUNNING, DONE)) {
                    closeQuietly(cleanup);
                }
            }
        });
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (state.compareAndSet(QUEUED, ABANDONED)) {
                future.cancel(false);
                closeQuietly(cleanup);
                throw new TimedOut(millis, () -> { });
            } else if (state.compareAndSet(RUNNING, ABANDONED)) {
                throw new TimedOut(millis, () -> future.cancel(true));
            }
            return future.get();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // A leftover in the private temp folder is removed when the bridge stops.
            return;
        }
    }
}
