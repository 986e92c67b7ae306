package dev.marking.core.scan;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time one file may take to be read and checked. Past it the thread checking the file is interrupted: the
 * readers' long loops (PDF content, OOXML parts) stop at the next step, and the scan reports the file as
 * {@code file.unreadable} with the limit named, then goes on. The default ({@link #DEFAULT}) leaves room for OCR of
 * a scanned file; {@value #VARIABLE} (seconds) sets another.
 */
final class FileTimeLimit {

    /** Environment variable with the limit in seconds. */
    static final String VARIABLE = "MARKING_FILE_TIME_LIMIT";
    /** Five minutes: far beyond any real document without OCR, enough for a scanned one with it. */
    static final Duration DEFAULT = Duration.ofMinutes(5);

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

    /** The limit {@code env} sets ({@value #VARIABLE}, whole seconds), else {@link #DEFAULT}. */
    static Duration fromEnvironment(Map<String, String> env) {
        String v = env.getOrDefault(VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return DEFAULT;
        }
        try {
            long seconds = Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(VARIABLE + " must be a number of seconds above 0, not '" + v + "'");
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
