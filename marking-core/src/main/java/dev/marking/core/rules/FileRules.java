package dev.marking.core.rules;

import dev.marking.core.model.Severity;
import java.util.List;

/** Findings the scanner makes itself when an adapter cannot read a file. */
public final class FileRules {

    public static final RuleDescriptor UNREADABLE = new RuleDescriptor("file.unreadable", Severity.ERROR,
            "The file cannot be read (damaged, not the format its name says, or unsupported): it was not checked.");
    public static final RuleDescriptor ENCRYPTED = new RuleDescriptor("file.encrypted", Severity.ERROR,
            "The file is encrypted with a password: it cannot be checked, so it fails closed.");
    /** Every finding the scanner makes itself. */
    public static final List<RuleDescriptor> ALL = List.of(UNREADABLE, ENCRYPTED);

    private FileRules() {
    }
}
