package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs work on a thread the scan's time limit has interrupted (issue 18): the readers and rules must stop at their
 * next check ({@code format.Interruption}) rather than run to the end.
 */
public final class Interrupted {

    private Interrupted() {
    }

    /** Asserts that {@code work}, run with this thread's interrupt flag set, stops at a check; the flag is cleared after. */
    public static void assertStops(Executable work) {
        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = assertThrows(Throwable.class, work, "ran to the end on an interrupted thread");
        } finally {
            Thread.interrupted();
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CancellationException) {
                return;
            }
        }
        fail("stopped by something other than the time limit's check", thrown);
    }
}
