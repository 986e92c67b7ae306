package dev.marking.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a rule found in one file.
 *
 * @param rule     stable rule id (DESIGN §3.2)
 * @param severity how serious
 * @param message  what is wrong and what to do, for a person
 * @param location where; {@link Location#FILE} for the whole file
 * @param evidence the text span that shows it, or null
 */
public record Finding(String rule, Severity severity, String message, Location location, String evidence)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::message)
            .thenComparing(Finding::evidence, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, message, location, evidence);
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}
