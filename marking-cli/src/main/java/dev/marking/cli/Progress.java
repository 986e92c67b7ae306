package dev.marking.cli;

import dev.marking.core.engine.CopyProgress;
import java.io.PrintWriter;

/** A one-line progress bar on a terminal; silent when output is not a terminal (CI, pipes). */
final class Progress implements CopyProgress.Tracker {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final boolean enabled;
    private int shown = -1;

    private Progress(PrintWriter err, String label, int total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    static Progress forTerminal(PrintWriter err, String label, int total) {
        return new Progress(err, label, total, System.console() != null && System.getenv("CI") == null);
    }

    @Override
    public synchronized void accept(int done) {
        if (!enabled) {
            return;
        }
        int filled = done * WIDTH / total;
        if (filled == shown && done != total) {
            return;
        }
        shown = filled;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (enabled && shown >= 0) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 20) + "\r");
            err.flush();
            shown = -1;
        }
    }
}
