package dev.marking.bridge;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bridge's private folder for uploads, one per running bridge ({@code marking-bridge-PID-…} in the system
 * temp folder, owner-only): deleted when the bridge closes, and a dead bridge's (kill -9, power loss) by the
 * next bridge that starts.
 */
final class UploadFolders {

    static final String PREFIX = "marking-bridge-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]+)-.*");
    /** Work interrupted a moment ago may still be finishing a file; deleting is tried again this often. */
    private static final int DELETE_TRIES = 10;

    private UploadFolders() {
    }

    /** A new owner-only folder for this bridge, after removing those of bridges no longer running. */
    static Path create() throws IOException {
        Path root = PrivateFiles.tempFolder(PREFIX + ProcessHandle.current().pid() + "-");
        removeAbandoned(root);
        return root;
    }

    private static void removeAbandoned(Path ours) throws IOException {
        UserPrincipal me = Files.getOwner(ours, LinkOption.NOFOLLOW_LINKS);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(ours.getParent(), PREFIX + "*")) {
            for (Path dir : all) {
                Matcher m = NAME.matcher(dir.getFileName().toString());
                if (dir.equals(ours) || !m.matches() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        || !me.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))) {
                    continue;
                }
                long pid = Long.parseLong(m.group(1));
                if (ProcessHandle.of(pid).isEmpty()) {
                    delete(dir);
                }
            }
        }
    }

    /** Deletes {@code root} and everything in it, trying again while interrupted work lets go of its files. */
    static boolean delete(Path root) {
        for (int i = 0; i < DELETE_TRIES; i++) {
            try {
                PrivateFiles.deleteTree(root);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
