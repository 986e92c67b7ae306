package dev.marking.spark;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.policy.Policy;
import java.io.Serializable;

/**
 * The policy files a run applies, as read on the driver, so every executor builds the same policy from them:
 * the organisation's ({@code --policy}, else {@code $MARKING_POLICY}; none for the built-in policy) and the
 * {@code marking.yml} in the folder of the first input (the input itself when it is a folder), which goes on top as
 * the CLI puts it — it may only tighten the organisation's policy unless that says {@code local-policy: override}.
 *
 * @param name       the organisation's policy file as shown; null for the built-in policy
 * @param content    its bytes; null for the built-in policy
 * @param localName  the local {@code marking.yml} as shown; null when there is none
 * @param local      its bytes; null when there is none
 */
record PolicyFiles(String name, byte[] content, String localName, byte[] local) implements Serializable {

    PolicyFiles {
        content = content == null ? null : content.clone();
        local = local == null ? null : local.clone();
    }

    /** The policy in force: the organisation's with the local file on top. */
    Policy resolve(Engine engine) throws EngineException {
        Policy organisation = content == null ? Policy.defaults() : engine.policy(name, content);
        return local == null ? organisation : engine.localPolicy(organisation, localName, local);
    }
}
