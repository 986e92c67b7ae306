package dev.marking.core.scan;

import dev.marking.core.policy.Policy;
import dev.marking.core.text.Seconds;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time one file may take to be read and checked. Past it the thread checking the file is interrupted: the
 * readers' and rules' long loops stop at the next step ({@code format.Interruption}), and the scan reports the file as
 * {@code file.unreadable} with the limit named, then goes on. The default ({@link #DEFAULT}) leaves room for OCR of
 * a scanned file; the policy's {@code file-time-limit} sets another, and {@value #VARIABLE} (seconds) another for one
 * run.
 */
final class FileTimeLimit {

    /** Environment variable with the limit in seconds. */
    static final String VARIABLE = "MARKING_FILE_TIME_LIMIT";
    /** The built-in limit ({@link Policy#DEFAULT_FILE_TIME_LIMIT}). */
    static final Duration DEFAULT = Policy.DEFAULT_FILE_TIME_LIMIT;

    private final Duration limit;
    private final ScheduledThreadPoolExecutor timer;

    FileTimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit for one file must be positive: " + limit);
        }
        this.limit = limit;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "marking-file-time-limit");
            t.setDaemon(true);
            return t;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true); // no thread is left behind when the scanner is dropped
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The limit {@code env} sets ({@value #VARIABLE}, seconds), else {@link #DEFAULT}. */
    static Duration fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Optional.empty());
    }

    /**
     * The limit for a run: {@value #VARIABLE} in {@code env} (seconds) when set, for this run, else the policy's
     * {@code file-time-limit} ({@code policy}), else {@link #DEFAULT}.
     */
    static Duration fromEnvironment(Map<String, String> env, Optional<Duration> policy) {
        String v = env.getOrDefault(VARIABLE, "").strip();
        if (v.isEmpty()) {
            return policy.orElse(DEFAULT);
        }
        return Seconds.parse(v).orElseThrow(() -> new IllegalArgumentException(VARIABLE
                + " must be a number of seconds above 0, not '" + v + "'"));
    }

    Duration limit() {
        return limit;
    }

    /** Starts the clock for the file the current thread checks now; close the watch when done. */
    Watch start() {
        Watch w = new Watch(Thread.currentThread());
        w.alarm = timer.schedule(w::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        return w;
    }

    /** The clock of one file. */
    static final class Watch implements AutoCloseable {
        private final Thread thread;
        private ScheduledFuture<?> alarm;
        private boolean done;
        private boolean expired;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        private synchronized void expire() {
            if (!done) {
                expired = true;
                thread.interrupt();
            }
        }

        /** True when the file ran past the limit. */
        synchronized boolean expired() {
            return expired;
        }

        /** Stops the clock; no interrupt reaches the thread after this, and one that came is cleared. */
        @Override
        public void close() {
            synchronized (this) {
                done = true;
            }
            alarm.cancel(false);
            if (expired()) {
                Thread.interrupted();
            }
        }
    }
}
