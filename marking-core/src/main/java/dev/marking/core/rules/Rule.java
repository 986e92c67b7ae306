package dev.marking.core.rules;

import dev.marking.core.model.Finding;
import java.util.List;

/** One check over a read model. Rules never open files and never decide policy beyond defaults. */
public interface Rule {

    RuleDescriptor descriptor();

    /** Findings for the file behind {@code context}; an empty list when there is nothing to say. */
    List<Finding> check(RuleContext context);
}
