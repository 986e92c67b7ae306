package dev.marking.core.policy;

import java.util.List;
import java.util.Locale;

/**
 * A policy that was applied to a run, and with what authority: reports name every one (DESIGN: whose policy
 * rules), so a policy file dropped into a scanned folder can never act unseen.
 *
 * @param file    the policy file as given or found, or {@code built-in}
 * @param role    whose policy it is
 * @param ignored what a local policy asked for that it may not do (loosening the organisation's policy), one
 *                entry per key ({@code exclude}, {@code rules.marking.missing: off}); empty otherwise
 */
public record PolicySource(String file, Role role, List<String> ignored) {

    /** Whose policy it is. */
    public enum Role {
        /** The defaults marking ships with: no policy file was given. */
        BUILT_IN,
        /** {@code --policy} or {@code $MARKING_POLICY} (or the build's {@code policy} parameter): rules the run. */
        ORGANISATION,
        /** The {@code marking.yml} beside a build's POM when the build names no policy: the project's own. */
        PROJECT,
        /** A {@code marking.yml} found in the scanned folder: may only tighten the policy above it. */
        LOCAL,
        /** A {@code marking.yml} found in the scanned folder, overriding the policy above it, which allows that. */
        LOCAL_OVERRIDE;

        /** {@code built-in}, {@code organisation}, {@code project}, {@code local}, {@code local-override}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public PolicySource {
        ignored = List.copyOf(ignored);
    }

    /** The built-in policy. */
    public static PolicySource builtIn() {
        return new PolicySource("built-in", Role.BUILT_IN, List.of());
    }
}
