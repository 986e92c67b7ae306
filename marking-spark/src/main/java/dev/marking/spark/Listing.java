package dev.marking.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files under the inputs, picked as the CLI picks them: folders are walked for what the engine's walk
 * selects (every file the policy's include/exclude selects, outside VCS, IDE and build folders; what it is,
 * is decided by its content when checked); files named directly are always checked, so an unsupported one is
 * a finding rather than silently left out. Listed on
 * the driver, in any Hadoop file system, sorted by path, each file once.
 */
final class Listing {

    private final Configuration conf;
    private final Predicate<String> walked;

    Listing(Configuration conf, Predicate<String> walked) {
        this.conf = conf;
        this.walked = walked;
    }

    List<InputFile> list(List<String> inputs) throws JobException, IOException {
        Map<String, InputFile> files = new LinkedHashMap<>();
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
            if (!status.isDirectory()) {
                files.putIfAbsent(root.toString(), new InputFile(shown(root), root.toString(), input, status.getLen(),
                        false));
                continue;
            }
            String prefix = root.toUri().getPath().endsWith("/") ? root.toUri().getPath() : root.toUri().getPath() + "/";
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                Path p = fs.makeQualified(f.getPath());
                String relative = p.toUri().getPath().substring(prefix.length());
                if (f.isFile() && walked.test(relative)) {
                    files.putIfAbsent(p.toString(), new InputFile(shown(p), p.toString(), relative, f.getLen(), true));
                }
            }
        }
        List<InputFile> out = new ArrayList<>(files.values());
        out.sort(Comparator.comparing(InputFile::path));
        return out;
    }

    /** A local file as its plain path (as the CLI shows it); anything else as its URI. */
    static String shown(Path qualified) {
        return "file".equals(qualified.toUri().getScheme()) ? qualified.toUri().getPath() : qualified.toString();
    }
}
