package dev.marking.core.scan;

import dev.marking.core.io.FileKind;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * Something a folder walk met but could not take in, reported as {@code file.unreadable} while the walk goes on:
 * a folder that cannot be opened, a named pipe, device or socket (never opened), a dangling symbolic link.
 *
 * @param target the folder or entry, with its path for policy globs
 * @param kind   what it is on disk ({@link FileKind#FOLDER} for a folder that cannot be opened)
 * @param error  why it could not be taken in, when an operation failed; null for a special file
 */
public record WalkProblem(ScanTarget target, FileKind kind, IOException error) {

    /** What went wrong, for a person: {@code cannot open the folder (permission denied): nothing in it was checked}. */
    public String describe(Messages messages) {
        if (kind == FileKind.FOLDER && error != null) {
            return messages.format("folder.unreadable", reason(error, messages));
        }
        if (error != null) {
            return messages.format("file.unreadable", reason(error, messages));
        }
        return notRegular(target, kind, messages);
    }

    /** Why {@code target} is not read: not a regular file (its kind named), or a link to nothing (its target named). */
    static String notRegular(ScanTarget target, FileKind kind, Messages messages) {
        if (kind == FileKind.BROKEN_LINK) {
            String to;
            try {
                to = Files.readSymbolicLink(target.file()).toString();
            } catch (IOException | UnsupportedOperationException e) {
                to = "?";
            }
            return messages.format("file.broken-link", to);
        }
        return messages.format("file.not-regular", messages.format(kind.messageKey()));
    }

    /** Why an operation failed, in words: Java's messages for these are often just the path. */
    static String reason(IOException e, Messages messages) {
        if (e instanceof AccessDeniedException) {
            return messages.format("io.denied");
        }
        if (e instanceof NoSuchFileException) {
            return messages.format("io.missing");
        }
        if (e instanceof FileSystemLoopException) {
            return messages.format("io.loop");
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
