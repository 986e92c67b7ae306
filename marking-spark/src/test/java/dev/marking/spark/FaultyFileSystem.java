package dev.marking.spark;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.util.Collection;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Hadoop's local file system with faults put in, for tests that run as root (whom permissions do not stop): listing
 * a folder named in {@link #DENIED} fails as HDFS refuses it, one in {@link #LOCAL_DENIED} as Hadoop's local file
 * system refuses an unreadable folder, and one in {@link #VANISHING} is deleted first, as by another process while
 * the listing runs, so that Hadoop's own listing finds it gone. Registered as {@code fs.file.impl} (uncached) in a
 * test's Spark session; everything else is the local file system.
 */
public class FaultyFileSystem extends LocalFileSystem {

    /** Folders (plain paths, comma-separated) whose listing HDFS-style denies. */
    static final String DENIED = "marking.test.denied";
    /** Folders whose listing is denied as {@code FileUtil.list} denies an unreadable local folder. */
    static final String LOCAL_DENIED = "marking.test.local-denied";
    /** Folders deleted just before they are listed. */
    static final String VANISHING = "marking.test.vanishing";

    private Collection<String> denied;
    private Collection<String> localDenied;
    private Collection<String> vanishing;

    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
        super.initialize(name, conf);
        denied = conf.getTrimmedStringCollection(DENIED);
        localDenied = conf.getTrimmedStringCollection(LOCAL_DENIED);
        vanishing = conf.getTrimmedStringCollection(VANISHING);
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        String dir = f.toUri().getPath().replaceAll("(.)/+$", "$1");
        if (denied.contains(dir)) {
            // As the NameNode words it (org.apache.hadoop.hdfs.server.namenode.FSPermissionChecker).
            throw new AccessControlException("Permission denied: user=marking, access=READ_EXECUTE, inode=\"" + dir
                    + "\":root:root:drwx------");
        }
        if (localDenied.contains(dir)) {
            // As org.apache.hadoop.fs.FileUtil.list says it of a folder it may not read.
            throw new AccessDeniedException(dir, null, "Permission denied");
        }
        if (vanishing.contains(dir) && !FileUtil.fullyDelete(new File(dir))) {
            throw new IllegalStateException("could not delete " + dir);
        }
        return super.listStatus(f);
    }
}
