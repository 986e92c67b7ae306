package dev.marking.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * The files under the inputs, picked as the CLI's walk picks them: folders are walked for what the engine's walk
 * selects (every file the policy's include/exclude selects; what it is, is decided by its content when checked),
 * version-control, IDE and build folders are not walked into; files named directly are always checked, so an
 * unsupported one is a finding rather than silently left out. What the walk leaves out is listed as the CLI's
 * report lists it: a folder not walked ({@code folder}), a file the globs leave out ({@code excluded}), a second
 * way into a local folder already walked ({@code link}). A folder that cannot be listed is noted and the listing
 * goes on, as the CLI's walk goes on past it. Listed on the driver, in any Hadoop file system, one
 * folder at a time (a skipped folder is never listed), sorted by path, each file once.
 */
final class Listing {

    /**
     * What a listing found: the files to check, what it left out and the folders it could not list, each sorted by
     * path.
     */
    record Listed(List<InputFile> files, List<Skip> skipped, List<Unlisted> unlisted, List<Special> special) {
        Listed {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
            unlisted = List.copyOf(unlisted);
            special = List.copyOf(special);
        }
    }

    /**
     * A local entry that is not a regular file or folder — a named pipe, a device, a socket, a link to nothing —
     * which Hadoop's local file system lists as a file (or, for a dangling link, leaves out): opening a pipe blocks
     * until a writer comes, so it is never opened and is a finding, as the CLI's walk reports it.
     *
     * @param path     as reports show it
     * @param relative its path under the folder given (a file named directly: as given), which suppressions match
     * @param file     the local path
     */
    record Special(String path, String relative, java.nio.file.Path file) {
    }

    /**
     * A folder that could not be listed (permission denied, vanished, an I/O error): nothing in it was checked, and
     * it is a finding, as the CLI's walk reports it, while the listing goes on.
     *
     * @param path     as reports show it, ending in '/'
     * @param relative its path under the folder given ("" for that folder), which suppressions match
     * @param error    why, with Hadoop's denial and absence as the local file system names them, which the engine
     *                 words as the CLI does
     */
    record Unlisted(String path, String relative, IOException error) {
    }

    /**
     * Something the walk did not check.
     *
     * @param path   as reports show it (a folder ends in '/')
     * @param reason {@code folder}, {@code excluded} or {@code link}, as the CLI's JSON report names it
     */
    record Skip(String path, String reason) {
    }

    private final Configuration conf;
    private final Predicate<String> walked;
    private final Predicate<String> walksInto;
    private final Predicate<java.nio.file.Path> opens;

    /**
     * @param walked    which files a walk picks, by their path under the folder given
     * @param walksInto which folders a walk goes into, by name
     * @param opens     which local entries a walk opens or walks into (regular files and folders, not pipes,
     *                  devices or links to nothing)
     */
    Listing(Configuration conf, Predicate<String> walked, Predicate<String> walksInto,
            Predicate<java.nio.file.Path> opens) {
        this.conf = conf;
        this.walked = walked;
        this.walksInto = walksInto;
        this.opens = opens;
    }

    Listed list(List<String> inputs) throws JobException, IOException {
        Map<String, InputFile> files = new LinkedHashMap<>();
        Map<String, Skip> skipped = new TreeMap<>();
        Map<String, Unlisted> unlisted = new TreeMap<>();
        Map<String, Special> special = new TreeMap<>();
        Set<String> folders = new HashSet<>();
        for (String input : inputs) {
            Path given = new Path(input);
            FileSystem fs = given.getFileSystem(conf);
            FileStatus status;
            try {
                status = fs.getFileStatus(given);
            } catch (FileNotFoundException e) {
                throw new JobException("input.missing", input);
            }
            Path root = fs.makeQualified(given);
            if (!status.isDirectory() && !opens(root)) {
                special.putIfAbsent(shown(root), new Special(shown(root), input, local(root)));
                continue;
            }
            if (!status.isDirectory()) {
                files.putIfAbsent(root.toString(), new InputFile(shown(root), root.toString(), input, status.getLen(),
                        status.getModificationTime(), false));
                continue;
            }
            String prefix = root.toUri().getPath().endsWith("/") ? root.toUri().getPath() : root.toUri().getPath() + "/";
            Deque<Path> pending = new ArrayDeque<>();
            pending.push(root);
            while (!pending.isEmpty()) {
                Path dir = pending.pop();
                if (!folders.add(real(dir))) {
                    skipped.put(shown(dir) + "/", new Skip(shown(dir) + "/", "link"));
                    continue;
                }
                FileStatus[] entries;
                try {
                    entries = fs.listStatus(dir);
                } catch (IOException e) {
                    unlisted.put(shown(dir) + "/", new Unlisted(shown(dir) + "/", relative(dir, prefix),
                            asLocal(dir, e)));
                    continue;
                }
                Arrays.sort(entries, Comparator.comparing(FileStatus::getPath));
                for (Path p : leftOut(dir, entries)) {
                    special.putIfAbsent(shown(p), new Special(shown(p), relative(p, prefix), local(p)));
                }
                for (FileStatus f : entries) {
                    Path p = fs.makeQualified(f.getPath());
                    if (!f.isDirectory() && !opens(p)) {
                        special.putIfAbsent(shown(p), new Special(shown(p), relative(p, prefix), local(p)));
                    } else if (f.isDirectory() && !walksInto.test(p.getName())) {
                        skipped.put(shown(p) + "/", new Skip(shown(p) + "/", "folder"));
                    } else if (f.isDirectory()) {
                        pending.push(p);
                    } else if (f.isFile()) {
                        String relative = relative(p, prefix);
                        if (walked.test(relative)) {
                            files.putIfAbsent(p.toString(), new InputFile(shown(p), p.toString(), relative, f.getLen(),
                                    f.getModificationTime(), true));
                        } else {
                            skipped.put(shown(p), new Skip(shown(p), "excluded"));
                        }
                    }
                }
            }
        }
        List<InputFile> out = new ArrayList<>(files.values());
        out.sort(Comparator.comparing(InputFile::path));
        return new Listed(out, new ArrayList<>(skipped.values()), new ArrayList<>(unlisted.values()),
                new ArrayList<>(special.values()));
    }

    /** True when {@code qualified} may be opened: anything not local, and a local regular file. */
    private boolean opens(Path qualified) {
        return !isLocal(qualified) || opens.test(local(qualified));
    }

    /**
     * The entries of local folder {@code dir} that Hadoop's {@code listed} left out and a walk would not open: links
     * to nothing, which Hadoop drops because it cannot look at them. Nothing for a folder that is not local.
     */
    private List<Path> leftOut(Path dir, FileStatus[] listed) {
        if (!isLocal(dir)) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        for (FileStatus f : listed) {
            names.add(f.getPath().getName());
        }
        List<Path> out = new ArrayList<>();
        try (java.nio.file.DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(local(dir))) {
            for (java.nio.file.Path e : entries) {
                String name = String.valueOf(e.getFileName());
                if (!names.contains(name) && !opens.test(e)) {
                    out.add(new Path(dir, name));
                }
            }
        } catch (IOException | RuntimeException e) {
            return out; // Hadoop listed the folder a moment ago; what it listed is checked
        }
        return out;
    }

    /** {@code qualified}'s path under the folder given, whose path is {@code prefix} (ending in '/'); "" for it. */
    private static String relative(Path qualified, String prefix) {
        String path = qualified.toUri().getPath();
        return path.length() < prefix.length() ? "" : path.substring(prefix.length());
    }

    /** True for a path in the local file system ({@code file:}). */
    private static boolean isLocal(Path qualified) {
        return "file".equals(qualified.toUri().getScheme());
    }

    /** A local path as the JDK's (its URI's path: Hadoop's URIs of non-ASCII names are not the JDK's). */
    private static java.nio.file.Path local(Path qualified) {
        return java.nio.file.Path.of(qualified.toUri().getPath());
    }

    /**
     * {@code e} as the local file system would name it: a denial (HDFS's {@code AccessControlException}) as
     * {@link AccessDeniedException}, a folder gone ({@link FileNotFoundException}) as {@link NoSuchFileException};
     * S3A and the local Hadoop file system already throw {@link AccessDeniedException}. Anything else as it is.
     */
    static IOException asLocal(Path dir, IOException e) {
        String shown = shown(dir);
        if (e instanceof AccessControlException) {
            return initCause(new AccessDeniedException(shown), e);
        }
        if (e instanceof FileNotFoundException) {
            return initCause(new NoSuchFileException(shown), e);
        }
        return e;
    }

    private static IOException initCause(IOException local, IOException cause) {
        local.initCause(cause);
        return local;
    }

    /** A local folder by its real path (links resolved), so each is walked once; anything else by its URI. */
    private static String real(Path qualified) {
        if (isLocal(qualified)) {
            try {
                return local(qualified).toRealPath().toString();
            } catch (IOException | RuntimeException e) {
                return qualified.toString();
            }
        }
        return qualified.toString();
    }

    /** A local file as its plain path (as the CLI shows it); anything else as its URI. */
    static String shown(Path qualified) {
        return isLocal(qualified) ? qualified.toUri().getPath() : qualified.toString();
    }
}
