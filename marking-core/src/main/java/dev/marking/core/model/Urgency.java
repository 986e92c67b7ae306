package dev.marking.core.model;

import java.util.Arrays;
import java.util.Optional;

/** 紧急程度 of GB/T 9704: printed on line 3 of the first-page block. */
public enum Urgency {
    URGENT("特急"), PRIORITY("加急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses 特急/加急 or the English enum name, ignoring case. */
    public static Optional<Urgency> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values())
                .filter(u -> u.label.equals(t) || u.name().equalsIgnoreCase(t))
                .findFirst();
    }
}
