package dev.marking.core.scan;

import java.nio.file.Path;

/**
 * A file to check and its path relative to the root it was found under ('/'-separated), which
 * policy globs, suppressions and baselines match against.
 */
public record ScanTarget(Path file, String relative) implements Comparable<ScanTarget> {

    @Override
    public int compareTo(ScanTarget o) {
        return file.compareTo(o.file);
    }
}
