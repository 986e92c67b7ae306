package dev.marking.core.format;

import java.util.concurrent.CancellationException;

/**
 * How readers and rules honour the scan's time limit for one file: past it the scan interrupts the thread checking
 * the file, and long loops (per element, paragraph, record, page, or every so many bytes) call {@link #check()} to
 * stop there. A call reads the thread's flag and nothing more, cheap enough for every element; the flag stays set,
 * so a check that a reader's own catch swallows is repeated by the next one.
 */
public final class Interruption {

    private Interruption() {
    }

    /** Stops the work with a {@link CancellationException} when the current thread was interrupted. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("stopped: the thread was interrupted (the time limit for one file)");
        }
    }
}
