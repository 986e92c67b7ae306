package dev.marking.core.rules;

import dev.marking.core.model.Finding;
import java.util.List;

/** One check over a read model. Rules never open files and never decide policy beyond defaults. */
public interface Rule {

    /** The rule's own id. */
    RuleDescriptor descriptor();

    /**
     * Every id this rule may emit, its own first. A rule that reports under another rule's id (e.g. a
     * missing mark found from the content) lists that rule's descriptor; a policy turns ids off one by one.
     */
    default List<RuleDescriptor> descriptors() {
        return List.of(descriptor());
    }

    /** Findings for the file behind {@code context}; an empty list when there is nothing to say. */
    List<Finding> check(RuleContext context);
}
