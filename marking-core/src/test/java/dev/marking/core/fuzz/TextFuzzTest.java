package dev.marking.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/** Issue 18: the text reader fed mutated bytes (see {@link Mutants}). */
class TextFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void text(byte[] data) throws IOException {
        Mutants.read("txt", data);
    }
}
