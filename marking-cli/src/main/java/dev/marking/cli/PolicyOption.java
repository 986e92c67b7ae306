package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import dev.marking.core.policy.Policy;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --policy FILE}, else {@code $MARKING_POLICY}, else the built-in policy: the organisation's; a {@code marking.yml}
 * in the first path's folder goes on top and may only tighten it (unless it says {@code local-policy: override}).
 */
final class PolicyOption {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The organisation's policy file (default: $MARKING_POLICY, else built-in); a marking.yml in the "
                    + "first PATH's folder may only tighten it, unless it allows local overrides (local-policy: override).")
    private Path policy;

    Policy load(List<Path> paths) throws EngineException {
        return Engines.standard().policy(policy, paths.isEmpty() ? null : paths.get(0));
    }
}
