package dev.marking.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/** Issue 18: the PDF reader fed mutated bytes (see {@link Mutants}). */
class PdfFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void pdf(byte[] data) throws IOException {
        Mutants.read("pdf", data);
    }
}
