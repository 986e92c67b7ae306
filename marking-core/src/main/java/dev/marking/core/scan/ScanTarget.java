package dev.marking.core.scan;

import java.nio.file.Path;

/**
 * A file to check and its path relative to the root it was found under ('/'-separated), which
 * policy globs, suppressions and baselines match against.
 *
 * @param file     the file
 * @param relative the path policy globs see
 * @param walked   true when a folder walk found it (what is not a document is then skipped), false when it was
 *                 named directly (then it is always reported)
 */
public record ScanTarget(Path file, String relative, boolean walked) implements Comparable<ScanTarget> {

    /** A file named directly. */
    public ScanTarget(Path file, String relative) {
        this(file, relative, false);
    }

    /** The same file shown under another path. */
    public ScanTarget withRelative(String other) {
        return new ScanTarget(file, other, walked);
    }

    @Override
    public int compareTo(ScanTarget o) {
        return file.compareTo(o.file);
    }
}
