package dev.marking.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.marking.core.policy.PolicyException;
import dev.marking.core.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;

/** Issue 18: the policy loader fed mutated bytes; it may only return a policy or throw {@link PolicyException}. */
class PolicyFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void policy(byte[] data) {
        try {
            PolicyLoader.parse("fuzz.yml", new String(data, StandardCharsets.UTF_8), "fuzz");
        } catch (PolicyException e) {
            // a policy that is not valid is refused with a message: the expected outcome for most inputs
            return;
        }
    }
}
