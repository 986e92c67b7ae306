package dev.marking.core.model;

/** 份号: a copy number, written as six Arabic digits ({@code 000123}). */
public record CopyNumber(int value) implements Comparable<CopyNumber> {

    public static final int MAX = 999_999;

    public CopyNumber {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("copy number must be 1.." + MAX + ", was " + value);
        }
    }

    /** The six-digit form printed on the document. */
    public String formatted() {
        return String.format("%06d", value);
    }

    @Override
    public int compareTo(CopyNumber o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
