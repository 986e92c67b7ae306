package dev.marking.maven;

import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyException;
import dev.marking.core.policy.PolicyLoader;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;

/** The policy a goal runs under: the configured file, else {@code $MARKING_POLICY}, else the project's {@code marking.yml}. */
final class ProjectPolicy {

    private ProjectPolicy() {
    }

    static Policy load(File policy, File basedir) throws MojoExecutionException {
        try {
            return PolicyLoader.find(policy == null ? null : policy.toPath(), System.getenv(PolicyLoader.ENV),
                    basedir.toPath());
        } catch (PolicyException e) {
            throw new MojoExecutionException("marking: " + e.getMessage(), e);
        }
    }
}
