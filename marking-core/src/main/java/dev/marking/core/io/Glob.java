package dev.marking.core.io;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.regex.PatternSyntaxException;

/**
 * A path glob over '/'-separated relative paths, as users write them in policies and POMs: {@code **}
 * crosses folders and also matches none, so {@code **}{@code /*.docx} matches {@code a.docx} too,
 * and a pattern ending in {@code /} or {@code /**} covers everything below.
 */
public final class Glob {

    private final String pattern;
    private final PathMatcher matcher;
    private final PathMatcher rootMatcher;

    /**
     * A glob for {@code pattern}.
     *
     * @throws IllegalArgumentException when {@code pattern} is not a valid glob (an unclosed {@code [} or {@code {})
     */
    public Glob(String pattern) {
        this.pattern = pattern;
        String p = pattern.strip().replace('\\', '/');
        if (p.endsWith("/")) {
            p = p + "**";
        }
        try {
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
            this.rootMatcher = p.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + p.substring(3))
                    : null;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a valid glob: " + e.getDescription(), e);
        }
    }

    /** True when {@code relativePath} ('/'-separated) matches. */
    public boolean matches(String relativePath) {
        Path path = Path.of(relativePath.replace('\\', '/'));
        if (matcher.matches(path) || rootMatcher != null && rootMatcher.matches(path)) {
            return true;
        }
        return pattern.endsWith("/**") && relativePath.equals(pattern.substring(0, pattern.length() - 3));
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
