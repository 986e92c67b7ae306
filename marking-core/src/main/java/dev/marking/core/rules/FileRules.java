package dev.marking.core.rules;

import dev.marking.core.model.Severity;
import java.util.List;

/** Findings the scanner makes itself: about files it cannot read, and about what a scan left out. */
public final class FileRules {

    public static final RuleDescriptor UNREADABLE = new RuleDescriptor("file.unreadable", Severity.ERROR,
            "The file or folder cannot be read (damaged, not a regular file, a folder that cannot be opened): it was not"
                    + " checked.");
    public static final RuleDescriptor ENCRYPTED = new RuleDescriptor("file.encrypted", Severity.ERROR,
            "The file is encrypted with a password: it cannot be checked, so it fails closed.");
    public static final RuleDescriptor UNSUPPORTED = new RuleDescriptor("file.unsupported", Severity.ERROR,
            "The file is a document of a kind marking cannot read (e.g. Microsoft Works): it was not checked.");
    public static final RuleDescriptor MISMATCH = new RuleDescriptor("file.mismatch", Severity.WARNING,
            "The file's extension disagrees with its content: it was read as what its content is.");
    public static final RuleDescriptor EXCLUDED_ALL = new RuleDescriptor("policy.excluded-all", Severity.WARNING,
            "Include/exclude left out every document under a folder: nothing there was checked.");
    /** Every finding the scanner makes itself. */
    public static final List<RuleDescriptor> ALL = List.of(UNREADABLE, ENCRYPTED, UNSUPPORTED, MISMATCH, EXCLUDED_ALL);

    private FileRules() {
    }
}
