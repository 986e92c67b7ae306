package dev.marking.core.format.ofd;

/**
 * How much of an OFD package we are willing to read: a hostile ZIP (a bomb, millions of entries) or XML
 * (deep nesting) is refused with the limit it broke, before it can exhaust memory or stack.
 *
 * @param maxEntries    entries in the ZIP directory
 * @param maxEntryBytes inflated size of one entry
 * @param maxTotalBytes inflated size of all entries together
 * @param maxRatio      inflated/compressed ratio an entry may have once it is larger than {@link #RATIO_FLOOR}
 * @param maxDepth      element nesting of one XML part
 */
record OfdLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, int maxDepth) {

    /** Entries smaller than this are never judged by their ratio (tiny XML compresses well). */
    static final long RATIO_FLOOR = 1L << 20;

    static final OfdLimits DEFAULT = new OfdLimits(10_000, 64L << 20, 256L << 20, 200, 100);
}
