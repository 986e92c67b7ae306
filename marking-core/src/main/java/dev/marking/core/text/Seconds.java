package dev.marking.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A time written as seconds, the way settings give it: {@code 300}, {@code 90s}, {@code 0.5}. */
public final class Seconds {

    private static final int NANOS = 9;

    private Seconds() {
    }

    /** The duration {@code text} writes, when it is a number of seconds above 0 (an {@code s} after it allowed). */
    public static Optional<Duration> parse(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        try {
            long nanos = new BigDecimal(v).movePointRight(NANOS).setScale(0, RoundingMode.CEILING).longValueExact();
            return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
