package dev.marking.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.MarkingInput;
import dev.marking.core.engine.SignWith;
import dev.marking.core.engine.StampRequest;
import dev.marking.core.engine.StampResult;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.engine.VerifyResult;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.SealKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 acceptance 4: 200 numbered, signed copies of a corpus PDF, each with its own signature naming its copy
 * number; every copy verifies clean under a policy that requires and trusts the seal. Prints the cost per copy.
 */
class SealCopiesTest {

    private static final int COPIES = 200;

    @TempDir
    Path dir;

    @Test
    void twoHundredSignedCopiesEachVerify() throws Exception {
        Path source = Files.copy(Corpus.file("pdf/pdfbox_PDFBOX-3110-poems-beads-cropbox.pdf"), dir.resolve("诗.pdf"));
        SealKeys.Made office = SealKeys.rsa(dir, "office", "保密办");
        Files.writeString(dir.resolve("marking.yml"), "seal: {required: 秘密, trust: [office.pem]}\n");
        Policy policy = PolicyLoader.load(dir.resolve("marking.yml"));
        Engine engine = Engine.standard("test");
        StampRequest base = StampRequest.of(List.of(source), dir.resolve("warm"), MarkingInput.of("机密", "5"))
                .withPolicy(policy).withThreads(2);

        // warm-up (fonts, JIT), so neither timed run pays for the first copies of the JVM
        assertTrue(engine.stamp(base.withCopies("20", null, dir.resolve("warm.jsonl")).withSign(
                new SignWith(office.keystore(), null, office.password()))).allStamped());
        long unsigned0 = System.nanoTime();
        StampResult plain = engine.stamp(StampRequest.of(List.of(source), dir.resolve("plain"),
                MarkingInput.of("机密", "5")).withPolicy(policy).withThreads(2)
                .withCopies(String.valueOf(COPIES), null, dir.resolve("plain.jsonl")));
        long unsigned = System.nanoTime() - unsigned0;
        assertTrue(plain.allStamped(), plain.toString());

        long signed0 = System.nanoTime();
        StampResult r = engine.stamp(StampRequest.of(List.of(source), dir.resolve("signed"), MarkingInput.of("机密", "5"))
                .withPolicy(policy).withThreads(2).withCopies(String.valueOf(COPIES), null, dir.resolve("signed.jsonl"))
                .withSign(new SignWith(office.keystore(), null, office.password())));
        long signed = System.nanoTime() - signed0;
        assertTrue(r.allStamped(), r.toString());
        List<Path> copies = r.files().get(0).written();
        assertEquals(COPIES, copies.size());

        Set<String> reasons = new HashSet<>();
        for (Path copy : copies) {
            try (PDDocument doc = Loader.loadPDF(copy.toFile())) {
                List<PDSignature> sigs = doc.getSignatureDictionaries();
                assertEquals(1, sigs.size(), copy.toString());
                reasons.add(sigs.get(0).getReason());
            }
        }
        assertEquals(COPIES, reasons.size(), "each copy's signature names its own copy number");
        assertTrue(reasons.contains("机密★5年 第000200份"), reasons.toString());

        VerifyResult v = engine.verify(VerifyRequest.of(List.of(dir.resolve("signed"))).withPolicy(policy)
                .withLang("en"), null);
        assertEquals(COPIES, v.result().files().size());
        assertEquals(List.of(), v.findings().stream().filter(f -> f.rule().startsWith("seal.")).toList());
        System.out.printf("seal cost: %d copies on 2 threads: unsigned %.1f s (%.1f copies/s), signed %.1f s"
                + " (%.1f copies/s); signing adds %.1f ms a copy%n", COPIES, unsigned / 1e9, COPIES / (unsigned / 1e9),
                signed / 1e9, COPIES / (signed / 1e9), (signed - unsigned) / 1e6 / COPIES);
    }
}
