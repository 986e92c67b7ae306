package dev.marking.core.ledger;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** Which output files a run may write: the caller's rules, checked again for each copy under the ledger lock. */
public interface Outputs {

    /** New files only: an existing file is never replaced. */
    Outputs NEW_FILES_ONLY = target -> Files.exists(target, LinkOption.NOFOLLOW_LINKS)
            ? Optional.of(target + " exists already and was not written by this run") : Optional.empty();

    /** Why {@code target} may not be written; empty when it may. */
    Optional<String> refusal(Path target);

    /** True when an existing file at an allowed target may be replaced. */
    default boolean replaceExisting() {
        return false;
    }
}
