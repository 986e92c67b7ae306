package dev.marking.core.presend;

import dev.marking.core.model.Marking;
import java.util.List;
import java.util.Optional;

/**
 * Whether one file may go through one channel, and why not.
 *
 * @param path    the file as shown
 * @param channel the channel
 * @param marking the file's marking, if any
 * @param reasons why it is blocked; empty when allowed
 */
public record Decision(String path, String channel, Optional<Marking> marking, List<Reason> reasons) {

    /**
     * One reason a file is blocked.
     *
     * @param rule    the rule id or policy rule ({@code channel.classified}, {@code channel.ledger}, a finding's rule)
     * @param message what is wrong, for a person
     */
    public record Reason(String rule, String message) {
    }

    public Decision {
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return reasons.isEmpty();
    }
}
