package dev.marking.core.fuzz;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 18: what the fuzz targets feed mutated bytes to. A reader may only return a model or throw
 * {@link DocumentException} (which the scan reports as a finding); the policy loader only a policy or its
 * exception. Anything else (a runtime exception, a stack overflow, a hang past Jazzer's time-out) is a crash.
 *
 * <p>One target per class ({@code DocxFuzzTest}, {@code PdfFuzzTest}, {@code OfdFuzzTest}, {@code TextFuzzTest},
 * {@code PolicyFuzzTest}): Jazzer fuzzes one target per JVM, and the build's {@code fuzz} execution runs the classes
 * two JVMs at a time. A normal test run replays each target's seeds and past crashers under
 * {@code <Class>Inputs/<target>/}; with {@code JAZZER_FUZZ=1} the target is fuzzed for its {@code maxDuration} (the
 * build sets it), and a crasher it finds is written there to become a regression input.
 */
final class Mutants {

    private static final FormatRegistry FORMATS = FormatRegistry.standard();

    private Mutants() {
    }

    /** Reads {@code data} as a file named {@code *.extension} with the reader that name and bytes point to. */
    static void read(String extension, byte[] data) throws IOException {
        Path file = Files.createTempFile("marking-fuzz-", "." + extension);
        try {
            Files.write(file, data);
            FORMATS.forFile(file).orElseThrow().read(file);
        } catch (DocumentException e) {
            // damaged input reported as unreadable: the expected outcome for most mutants
            return;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
