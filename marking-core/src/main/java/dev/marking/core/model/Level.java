package dev.marking.core.model;

import java.util.Optional;

/**
 * One level of a scheme. Rank 0 is the highest level of its scheme; unclassified words
 * (公开, 非密, UNCLASSIFIED) are levels too, with {@code classified == false}.
 *
 * @param scheme       the scheme id, e.g. {@code state}
 * @param name         the canonical name, e.g. {@code 机密}
 * @param rank         0 = highest within the scheme
 * @param classified   false for the unclassified words
 * @param maxTermYears the longest term the level allows, empty when the scheme sets none
 */
public record Level(String scheme, String name, int rank, boolean classified, Optional<Integer> maxTermYears) {

    /** True when this level is at least as high as {@code other} (same scheme only). */
    public boolean atLeast(Level other) {
        return scheme.equals(other.scheme) && rank <= other.rank;
    }

    @Override
    public String toString() {
        return name;
    }
}
