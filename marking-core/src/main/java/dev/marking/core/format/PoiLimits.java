package dev.marking.core.format;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * POI's limit on the size of one entry of a zip package, which is process-wide: whatever opens an OOXML package with
 * POI calls {@link #set()} first. Set then and not when a file is only recognised, since touching POI starts its
 * logging, a tenth of a one-file check's start-up.
 */
public final class PoiLimits {

    /** The most one part of a package may inflate to (real documents' largest parts are tens of megabytes). */
    public static final long MAX_PART_BYTES = 90L << 20;

    private static volatile boolean set;

    private PoiLimits() {
    }

    /**
     * Sets the limit (once) a megabyte above {@link #MAX_PART_BYTES}, so that the streamed readers' own count (which
     * names the part) trips first; below POI's 100 MB record limit, so that POI's object model stops at this one.
     */
    public static void set() {
        if (!set) {
            ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES + (1 << 20));
            set = true;
        }
    }
}
