package dev.marking.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/** Issue 18: the OFD reader fed mutated bytes (see {@link Mutants}). */
class OfdFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void ofd(byte[] data) throws IOException {
        Mutants.read("ofd", data);
    }
}
