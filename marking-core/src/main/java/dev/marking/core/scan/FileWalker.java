package dev.marking.core.scan;

import dev.marking.core.format.FormatRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expands the paths a user gave into files: folders are walked recursively for files an adapter
 * supports (skipping VCS, IDE and build folders); files named explicitly are always kept, so an
 * unsupported or missing one becomes a finding rather than silently disappearing.
 */
public final class FileWalker {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".svn", ".hg", ".idea", ".vscode", "node_modules",
            "target");

    private final FormatRegistry formats;

    public FileWalker(FormatRegistry formats) {
        this.formats = formats;
    }

    /** Files to check, sorted and without duplicates. */
    public List<Path> expand(List<Path> roots) throws IOException {
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, files);
            } else {
                files.add(root.normalize());
            }
        }
        return new ArrayList<>(files);
    }

    private void walk(Path root, Set<Path> files) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(root) && SKIPPED_DIRS.contains(name) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && formats.forFile(file).isPresent()
                            && !file.getFileName().toString().startsWith("~$")) {
                        files.add(file.normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
