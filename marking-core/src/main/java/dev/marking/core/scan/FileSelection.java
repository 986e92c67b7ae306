package dev.marking.core.scan;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.io.Glob;
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
 * The files to check or stamp, the one way every shell picks them: folders are walked recursively for
 * files a format supports (VCS, IDE and build folders and Office lock files skipped), selected by the
 * policy's include/exclude and, for build tools, further narrowed by the caller's own globs. Files named
 * directly are always kept, so an unsupported or missing one becomes a finding rather than silently
 * disappearing. Both sets of globs must select a file; each side's empty include list means "everything".
 *
 * <p>The caller's globs match paths relative to each folder, as Maven file sets do. The policy's globs,
 * suppressions, path rules and baselines match paths relative to {@code base} (a project folder) for
 * files inside it, so a policy next to the POM means the same whichever sub-folders are scanned; other
 * walked files are relative to their folder, and files named directly are shown as given (relative to
 * the working directory when inside it). Targets carry the latter.
 */
public final class FileSelection {

    /** Folders never walked into: version control, IDE settings, dependencies, build output. */
    public static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".svn", ".hg", ".idea", ".vscode", ".settings",
            "node_modules", "target");

    private final FormatRegistry formats;
    private final Policy policy;
    private final List<Glob> includes;
    private final List<Glob> excludes;

    /** Every supported file the policy selects. */
    public FileSelection(FormatRegistry formats, Policy policy) {
        this(formats, policy, List.of(), List.of());
    }

    public FileSelection(FormatRegistry formats, Policy policy, List<String> includes, List<String> excludes) {
        this.formats = formats;
        this.policy = policy;
        this.includes = globs(includes);
        this.excludes = globs(excludes);
    }

    /** The selected files under {@code roots}, sorted, each relative to its own root. */
    public List<ScanTarget> expand(List<Path> roots) throws IOException {
        return expand(roots, null);
    }

    /** The selected files under {@code roots}, sorted, relative to {@code base} when inside it (null: to their root). */
    public List<ScanTarget> expand(List<Path> roots, Path base) throws IOException {
        Path b = base == null ? null : base.toAbsolutePath().normalize();
        TreeSet<ScanTarget> out = new TreeSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, b, out);
            } else {
                Path f = root.normalize();
                out.add(new ScanTarget(f, inside(f, b) ? relative(b, f) : Scanner.display(f)));
            }
        }
        return new ArrayList<>(out);
    }

    /** True when the caller's globs select {@code relative} ('/'-separated). */
    public boolean selects(String relative) {
        boolean in = includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(relative));
        return in && excludes.stream().noneMatch(g -> g.matches(relative));
    }

    private void walk(Path root, Path base, Set<ScanTarget> out) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(root) && SKIPPED_FOLDERS.contains(name) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String underRoot = relative(root, file);
                    String forPolicy = inside(file, base) ? relative(base, file) : underRoot;
                    if (attrs.isRegularFile() && formats.forFile(file).isPresent()
                            && !file.getFileName().toString().startsWith("~$") && policy.selects(forPolicy)
                            && selects(underRoot)) {
                        out.add(new ScanTarget(file.normalize(), forPolicy));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean inside(Path file, Path base) {
        return base != null && file.toAbsolutePath().normalize().startsWith(base);
    }

    private static String relative(Path from, Path file) {
        Path f = from.isAbsolute() ? file.toAbsolutePath().normalize() : file;
        return from.relativize(f).toString().replace('\\', '/');
    }

    private static List<Glob> globs(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(Glob::new).toList();
    }
}
