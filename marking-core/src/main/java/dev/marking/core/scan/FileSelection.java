package dev.marking.core.scan;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.policy.Glob;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The files a build tool asks for: folders walked as {@link FileWalker} does (supported files; VCS, IDE
 * and build folders skipped), selected by the policy's include/exclude and further narrowed by the
 * caller's own include and exclude globs. Both sets of globs must select a file; each side's empty
 * include list means "everything". Files named directly are always kept.
 *
 * <p>The caller's globs match paths relative to each folder, as Maven file sets do. The policy's
 * globs, suppressions, path rules and baselines match paths relative to {@code base} (the project
 * folder) for files inside it, so a policy next to the POM means the same whichever sub-folders are
 * scanned; files outside {@code base} are relative to their folder. Targets carry the latter.
 */
public final class FileSelection {

    private final FormatRegistry formats;
    private final Policy policy;
    private final List<Glob> includes;
    private final List<Glob> excludes;

    public FileSelection(FormatRegistry formats, Policy policy, List<String> includes, List<String> excludes) {
        this.formats = formats;
        this.policy = policy;
        this.includes = globs(includes);
        this.excludes = globs(excludes);
    }

    /** The selected files under {@code roots}, each relative to its own root. */
    public List<ScanTarget> expand(List<Path> roots) throws IOException {
        return expand(roots, null);
    }

    /** The selected files under {@code roots}, sorted, relative to {@code base} when inside it (null: to their root). */
    public List<ScanTarget> expand(List<Path> roots, Path base) throws IOException {
        Path b = base == null ? null : base.toAbsolutePath().normalize();
        FileWalker walker = new FileWalker(formats, Policy.defaults());
        TreeSet<ScanTarget> out = new TreeSet<>();
        for (Path root : roots) {
            boolean named = !Files.isDirectory(root);
            for (ScanTarget t : walker.expand(List.of(root))) {
                Path abs = t.file().toAbsolutePath().normalize();
                String relative = b != null && abs.startsWith(b) ? b.relativize(abs).toString().replace('\\', '/')
                        : t.relative();
                if (named || policy.selects(relative) && selects(t.relative())) {
                    out.add(new ScanTarget(t.file(), relative));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** True when the caller's globs select {@code relative} ('/'-separated). */
    public boolean selects(String relative) {
        boolean in = includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(relative));
        return in && excludes.stream().noneMatch(g -> g.matches(relative));
    }

    private static List<Glob> globs(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(Glob::new).toList();
    }
}
