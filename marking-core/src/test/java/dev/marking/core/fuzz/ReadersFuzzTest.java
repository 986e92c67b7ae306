package dev.marking.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.policy.PolicyException;
import dev.marking.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 18: the DOCX, PDF, OFD and text readers and the policy loader fed mutated bytes. A reader may
 * only return a model or throw {@link DocumentException} (which the scan reports as a finding); the
 * loader only a policy or {@link PolicyException}. Anything else (a runtime exception, a stack overflow,
 * a hang past Jazzer's time-out) is a crash. A normal test run replays the seeds and every past crasher
 * under {@code ReadersFuzzTestInputs/<target>/}; with {@code JAZZER_FUZZ=1} (the build's {@code fuzz-*}
 * executions) one target is fuzzed for its {@code maxDuration}, and a crasher it finds is written there
 * to become a regression input.
 */
class ReadersFuzzTest {

    private static final FormatRegistry FORMATS = FormatRegistry.standard();

    @FuzzTest(maxDuration = "60s")
    void docx(byte[] data) throws IOException {
        read("docx", data);
    }

    @FuzzTest(maxDuration = "60s")
    void pdf(byte[] data) throws IOException {
        read("pdf", data);
    }

    @FuzzTest(maxDuration = "60s")
    void ofd(byte[] data) throws IOException {
        read("ofd", data);
    }

    @FuzzTest(maxDuration = "60s")
    void text(byte[] data) throws IOException {
        read("txt", data);
    }

    @FuzzTest(maxDuration = "60s")
    void policy(byte[] data) {
        try {
            PolicyLoader.parse("fuzz.yml", new String(data, StandardCharsets.UTF_8), "fuzz");
        } catch (PolicyException e) {
            // a policy that is not valid is refused with a message: the expected outcome for most inputs
            return;
        }
    }

    private static void read(String extension, byte[] data) throws IOException {
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
