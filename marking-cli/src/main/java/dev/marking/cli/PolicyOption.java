package dev.marking.cli;

import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyException;
import dev.marking.core.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --policy FILE}; else {@code $MARKING_POLICY}; else {@code marking.yml} in the first scanned folder. */
final class PolicyOption {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (default: $MARKING_POLICY, else marking.yml in the first PATH's folder, else built-in).")
    private Path policy;

    Policy load(List<Path> paths) {
        try {
            return PolicyLoader.find(policy, System.getenv(PolicyLoader.ENV), paths.isEmpty() ? null : paths.get(0));
        } catch (PolicyException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
