package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** What a test does when something outside the repository is missing: skip with the reason, but fail under CI. */
final class Missing {

    private Missing() {
    }

    /** True under {@code CI} (any value of the variable), which must have every program and the corpus. */
    static boolean onCi() {
        return System.getenv("CI") != null;
    }

    /** Aborts the test with {@code reason}, or fails it under {@code CI}. */
    static void skipOrFail(String reason) {
        if (onCi()) {
            fail("required on CI: " + reason);
        }
        Assumptions.abort(reason);
    }
}
