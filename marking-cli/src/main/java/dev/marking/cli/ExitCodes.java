package dev.marking.cli;

/** Exit codes of DESIGN §3.1. */
final class ExitCodes {

    /** No finding at error level (verify) / allowed (presend). */
    static final int OK = 0;
    /** Findings at error level / blocked. */
    static final int FINDINGS = 1;
    /** Usage or I/O error. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
