package dev.marking.core.scan;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.policy.Policy;
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
    private final Policy policy;

    public FileWalker(FormatRegistry formats, Policy policy) {
        this.formats = formats;
        this.policy = policy;
    }

    /**
     * Files to check, sorted and without duplicates. Files under a folder are relative to that folder and
     * filtered by the policy's include/exclude; a file given by name is shown
     * relative to the working directory.
     */
    public List<ScanTarget> expand(List<Path> roots) throws IOException {
        TreeSet<ScanTarget> files = new TreeSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, files);
            } else {
                Path f = root.normalize();
                files.add(new ScanTarget(f, Scanner.display(f)));
            }
        }
        return new ArrayList<>(files);
    }

    private void walk(Path root, Set<ScanTarget> files) throws IOException {
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
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (attrs.isRegularFile() && formats.forFile(file).isPresent()
                            && !file.getFileName().toString().startsWith("~$") && policy.selects(relative)) {
                        files.add(new ScanTarget(file.normalize(), relative));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
