package dev.marking.core.scan;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.policy.Glob;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a build tool asks for: folders walked as {@link FileWalker} does (supported files, the
 * policy's include/exclude), further narrowed by the caller's own include and exclude globs. Both
 * sets of globs must select a file; each side's empty include list means "everything".
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

    /** The selected files under {@code roots}, sorted; files named directly are kept as {@link FileWalker} keeps them. */
    public List<ScanTarget> expand(List<Path> roots) throws IOException {
        return new FileWalker(formats, policy).expand(roots).stream().filter(t -> selects(t.relative())).toList();
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
