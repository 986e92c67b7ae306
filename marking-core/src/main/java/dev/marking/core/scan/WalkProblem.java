package dev.marking.core.scan;

import dev.marking.core.io.FileKind;
import java.io.IOException;

/**
 * Something a folder walk met but could not take in, reported as {@code file.unreadable} while the walk goes on:
 * a folder that cannot be opened, a named pipe, device or socket (never opened), a dangling symbolic link.
 *
 * @param target the folder or entry, with its path for policy globs
 * @param kind   what it is on disk ({@link FileKind#FOLDER} for a folder that cannot be opened)
 * @param error  why it could not be taken in, when an operation failed; null for a special file
 */
public record WalkProblem(ScanTarget target, FileKind kind, IOException error) {
}
