package dev.marking.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/** Issue 18: the DOCX reader fed mutated bytes (see {@link Mutants}). */
class DocxFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void docx(byte[] data) throws IOException {
        Mutants.read("docx", data);
    }
}
