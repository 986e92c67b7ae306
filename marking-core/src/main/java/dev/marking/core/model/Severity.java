package dev.marking.core.model;

/** How serious a finding is; the order is from most to least severe. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower-case id used in reports and policies. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when this severity is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
