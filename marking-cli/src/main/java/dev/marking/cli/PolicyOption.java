package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import dev.marking.core.policy.Policy;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --policy FILE}; else {@code $MARKING_POLICY}; else {@code marking.yml} in the first path's folder. */
final class PolicyOption {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (default: $MARKING_POLICY, else marking.yml in the first PATH's folder, else built-in).")
    private Path policy;

    Policy load(List<Path> paths) throws EngineException {
        return Engines.standard().policy(policy, paths.isEmpty() ? null : paths.get(0));
    }
}
