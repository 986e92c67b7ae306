package dev.marking.core.scan;

import dev.marking.core.io.FileKind;
import dev.marking.core.io.Glob;
import dev.marking.core.model.Message;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files to check or stamp, the one way every shell picks them: folders are walked recursively and every
 * regular file in them becomes a target, to be classified by its content when it is checked (VCS, IDE and build
 * folders are not walked into, and are listed as skipped); the policy's include/exclude and, for build tools, the
 * caller's own globs leave files out (listed as skipped too). Files named directly are always kept, so an
 * unsupported, special or missing one becomes a finding rather than silently disappearing. Both sets of globs
 * must select a file; each side's empty include list means "everything".
 *
 * <p>The walk never opens anything but folders: a named pipe or device in a tree is a problem to report, not a
 * file to read. Symbolic links are followed, each folder is walked once (a link back to a folder already walked
 * is listed as skipped, so link loops end), a dangling link is a problem, and a folder that cannot be opened is a
 * problem naming the folder and the reason while the walk goes on.
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

    /** Lists a folder; tests put a failing one in to show that a folder that cannot be opened is reported. */
    @FunctionalInterface
    interface Folders {
        List<Path> list(Path dir) throws IOException;
    }

    /**
     * What a walk found.
     *
     * @param targets  files to check (named ones and walked regular files the globs select), sorted
     * @param skipped  what was left out without being read: excluded files, folders not walked, repeated links
     * @param problems what could not be taken in: folders that cannot be opened, special files, dangling links
     */
    public record Selection(List<ScanTarget> targets, List<SkippedFile> skipped, List<WalkProblem> problems) {

        public Selection {
            targets = List.copyOf(targets);
            skipped = List.copyOf(skipped);
            problems = List.copyOf(problems);
        }
    }

    private final Policy policy;
    private final List<Glob> includes;
    private final List<Glob> excludes;
    private final Folders folders;

    /** Every file the policy selects. */
    public FileSelection(Policy policy) {
        this(policy, List.of(), List.of());
    }

    public FileSelection(Policy policy, List<String> includes, List<String> excludes) {
        this(policy, includes, excludes, FileSelection::list);
    }

    FileSelection(Policy policy, List<String> includes, List<String> excludes, Folders folders) {
        this.policy = policy;
        this.includes = globs(includes);
        this.excludes = globs(excludes);
        this.folders = folders;
    }

    /** What {@code roots} hold, each walked file relative to its own root. */
    public Selection select(List<Path> roots) throws IOException {
        return select(roots, null);
    }

    /** What {@code roots} hold, walked files relative to {@code base} when inside it (null: to their root). */
    public Selection select(List<Path> roots, Path base) throws IOException {
        Walk walk = new Walk(base == null ? null : base.toAbsolutePath().normalize());
        for (Path root : roots) {
            if (FileKind.of(root) == FileKind.FOLDER) {
                walk.folder(root);
            } else {
                Path f = root.normalize();
                walk.targets.add(new ScanTarget(f, inside(f, walk.base) ? relative(walk.base, f) : Scanner.display(f)));
            }
        }
        return new Selection(new ArrayList<>(walk.targets), walk.skipped, walk.problems);
    }

    /** True when the caller's globs select {@code relative} ('/'-separated). */
    public boolean selects(String relative) {
        boolean in = includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(relative));
        return in && excludes.stream().noneMatch(g -> g.matches(relative));
    }

    /**
     * True when a walk picks a file at {@code relative} ('/'-separated) under a folder given to it: no folder on
     * the way is one a walk skips, and the policy's and the caller's globs select it, as {@link #select} selects
     * walked files. For shells that list folders themselves (a Hadoop file system); what the file is, is decided
     * by its content when it is checked, as for a walk.
     */
    public boolean walked(String relative) {
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (SKIPPED_FOLDERS.contains(parts[i])) {
                return false;
            }
        }
        return policy.selects(relative) && selects(relative);
    }

    /** One walk over one or more roots: each real folder is walked once. */
    private final class Walk {
        private final Path base;
        private final TreeSet<ScanTarget> targets = new TreeSet<>();
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final List<WalkProblem> problems = new ArrayList<>();
        private final Map<Path, Path> walked = new HashMap<>();

        Walk(Path base) {
            this.base = base;
        }

        /** Walks {@code root} without recursion, so no depth of folders can overflow the stack. */
        void folder(Path root) {
            Deque<Path> pending = new ArrayDeque<>();
            pending.push(root);
            while (!pending.isEmpty()) {
                Path dir = pending.pop();
                List<Path> entries;
                try {
                    Path first = walked.putIfAbsent(dir.toRealPath(), dir);
                    if (first != null) {
                        skipped.add(new SkippedFile(Scanner.display(dir) + "/", SkippedFile.Reason.LINK,
                                Message.of("skip.link", Scanner.display(first) + "/")));
                        continue;
                    }
                    entries = folders.list(dir);
                } catch (IOException e) {
                    problems.add(new WalkProblem(target(root, dir), FileKind.FOLDER, e));
                    continue;
                }
                for (Path entry : entries) {
                    entry(root, entry, pending);
                }
            }
        }

        private void entry(Path root, Path entry, Deque<Path> pending) {
            FileKind kind;
            try {
                kind = FileKind.of(entry);
            } catch (IOException e) {
                // A link loop on itself, an entry that vanished or cannot be looked at.
                problems.add(new WalkProblem(target(root, entry), FileKind.OTHER, e));
                return;
            }
            String name = String.valueOf(entry.getFileName());
            if (kind == FileKind.FOLDER && SKIPPED_FOLDERS.contains(name)) {
                skipped.add(new SkippedFile(Scanner.display(entry) + "/", SkippedFile.Reason.FOLDER,
                        Message.of("skip.folder")));
            } else if (kind == FileKind.FOLDER) {
                pending.push(entry);
            } else if (kind == FileKind.REGULAR) {
                file(root, entry);
            } else {
                problems.add(new WalkProblem(target(root, entry), kind, null));
            }
        }

        private void file(Path root, Path file) {
            String underRoot = relative(root, file);
            ScanTarget t = target(root, file);
            if (!policy.selects(t.relative())) {
                skipped.add(new SkippedFile(Scanner.display(file), SkippedFile.Reason.EXCLUDED,
                        Message.of("skip.excluded-policy")));
            } else if (!selects(underRoot)) {
                skipped.add(new SkippedFile(Scanner.display(file), SkippedFile.Reason.EXCLUDED,
                        Message.of("skip.excluded-caller")));
            } else {
                targets.add(t);
            }
        }

        private ScanTarget target(Path root, Path path) {
            return new ScanTarget(path.normalize(), inside(path, base) ? relative(base, path) : relative(root, path), true);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        out.sort(null);
        return out;
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
