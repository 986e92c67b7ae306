package dev.marking.core.format;

import java.nio.file.Path;

/** A file could not be read or stamped. The message says why, in words a user understands. */
public final class DocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why it failed; decides the finding ({@code file.unreadable}, {@code file.encrypted} or {@code file.unsupported}). */
    public enum Kind { UNREADABLE, ENCRYPTED, UNSUPPORTED, REFUSED }

    private final transient Path file;
    private final Kind kind;

    public DocumentException(Path file, Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.file = file;
        this.kind = kind;
    }

    public DocumentException(Path file, Kind kind, String reason) {
        this(file, kind, reason, null);
    }

    public Path file() {
        return file;
    }

    public Kind kind() {
        return kind;
    }
}
