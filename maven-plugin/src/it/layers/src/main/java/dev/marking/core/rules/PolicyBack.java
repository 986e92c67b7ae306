package dev.marking.core.rules;

import dev.marking.core.policy.Policy;

/** A rule reading the policy: the old rules ⇄ policy cycle, which the build must refuse. */
final class PolicyBack {

    private Policy policy;

    Policy policy() {
        return policy;
    }
}
