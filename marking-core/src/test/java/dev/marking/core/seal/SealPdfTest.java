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
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.testing.FormatSamples;
import dev.marking.core.testing.SealKeys;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 for PDF: stamp --sign writes a PAdES signature pdfsig accepts; verify catches what changed after it. */
class SealPdfTest {

    private final Engine engine = Engine.standard("test");

    @TempDir
    Path dir;

    private SealKeys.Made office;
    private Policy trusting;

    @BeforeEach
    void keys() throws Exception {
        office = SealKeys.rsa(dir, "office", "保密办");
        Files.writeString(dir.resolve("marking.yml"), "seal:\n  required: 秘密\n  trust: [office.pem]\n");
        trusting = PolicyLoader.load(dir.resolve("marking.yml"));
    }

    private Path signed(String level, String copy) throws Exception {
        Path src = FormatSamples.of("pdf").orElseThrow().write(dir.resolve("report.pdf"));
        StampResult r = engine.stamp(StampRequest.of(List.of(src), dir.resolve("out"),
                MarkingInput.of(level, "5").withCopy(copy)).withPolicy(trusting).withOverwrite(true)
                .withSign(new SignWith(office.keystore(), null, office.password())));
        assertTrue(r.allStamped(), r.toString());
        return r.files().get(0).written().get(0);
    }

    private List<Finding> verify(Path file, Policy policy) throws Exception {
        VerifyResult v = engine.verify(VerifyRequest.of(List.of(file)).withPolicy(policy).withLang("en"), null);
        return v.result().files().get(0).findings();
    }

    private static List<Finding> seal(List<Finding> all) {
        return all.stream().filter(f -> f.rule().startsWith("seal.")).toList();
    }

    @Test
    void aSignedStampVerifiesCleanAndPdfsigCallsItValid() throws Exception {
        Path pdf = signed("机密", "123");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            assertEquals(1, sigs.size());
            assertEquals("机密★5年 第000123份", sigs.get(0).getReason());
            assertEquals("ETSI.CAdES.detached", sigs.get(0).getSubFilter());
        }
        assertEquals(List.of(), seal(verify(pdf, trusting)));
        Path pdfsig = ExternalTools.require("pdfsig", "the PDF signature is not checked by poppler");
        String out = run(List.of(pdfsig.toString(), pdf.toString()));
        assertTrue(out.contains("Signature Validation: Signature is Valid."), out);
        assertTrue(out.contains("机密★5年 第000123份") || out.contains("Signer Certificate Common Name: 保密办"), out);
    }

    @Test
    void anUnsignedRestampAtAnotherLevelIsBrokenAndSaysTheMarkingChanged() throws Exception {
        Path pdf = signed("机密", "1");
        Path moved = Files.copy(pdf, dir.resolve("copy.pdf"));
        StampResult r = engine.stamp(StampRequest.of(List.of(moved), dir.resolve("down"), MarkingInput.of("秘密", "5")
                .withCopy("1")));
        assertTrue(r.allStamped(), r.toString());
        List<Finding> f = seal(verify(r.files().get(0).written().get(0), trusting));
        assertEquals(1, f.size(), f.toString());
        assertEquals("seal.broken", f.get(0).rule());
        assertTrue(f.get(0).message().contains("the marking changed from"), f.get(0).message());
        assertTrue(f.get(0).message().contains("机密★5年"), f.get(0).message());
    }

    @Test
    void ourOwnSignedRestampIsANewSignedRevision() throws Exception {
        Path pdf = signed("机密", "1");
        Path moved = Files.copy(pdf, dir.resolve("again.pdf"));
        StampResult r = engine.stamp(StampRequest.of(List.of(moved), dir.resolve("re"), MarkingInput.of("绝密", "10")
                .withCopy("1")).withPolicy(trusting).withSign(new SignWith(office.keystore(), null, office.password())));
        assertTrue(r.allStamped(), r.toString());
        Path re = r.files().get(0).written().get(0);
        try (PDDocument doc = Loader.loadPDF(re.toFile())) {
            assertEquals(2, doc.getSignatureDictionaries().size());
        }
        assertEquals(List.of(), seal(verify(re, trusting)));
    }

    @Test
    void aPageAppendedAfterSigningIsBroken() throws Exception {
        Path pdf = signed("机密", "1");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage page = new PDPage();
            doc.addPage(page);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            try (OutputStream out = Files.newOutputStream(dir.resolve("appended.pdf"))) {
                doc.saveIncremental(out);
            }
        }
        List<Finding> f = seal(verify(dir.resolve("appended.pdf"), trusting));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("1 page(s) appended to the 1 signed"), f.get(0).message());
    }

    @Test
    void theWatermarkRemovedAfterSigningIsBroken() throws Exception {
        Path pdf = signed("机密", "1");
        Path moved = Files.copy(pdf, dir.resolve("plain.pdf"));
        StampResult r = engine.stamp(StampRequest.of(List.of(moved), dir.resolve("nowm"), MarkingInput.of("机密", "5")
                .withCopy("1")).withParts(true, true, false));
        assertTrue(r.allStamped(), r.toString());
        List<Finding> f = seal(verify(r.files().get(0).written().get(0), trusting));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("the watermark removed on page(s) 1"), f.get(0).message());
    }

    @Test
    void metadataChangedAfterSigningIsBroken() throws Exception {
        Path pdf = signed("机密", "1");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            doc.getDocumentInformation().setCustomMetadataValue("marking.level", "秘密");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            try (OutputStream out = Files.newOutputStream(dir.resolve("meta.pdf"))) {
                doc.saveIncremental(out);
            }
        }
        List<Finding> f = seal(verify(dir.resolve("meta.pdf"), trusting));
        assertTrue(f.stream().anyMatch(x -> x.rule().equals("seal.broken") && x.message().contains("the metadata changed")
                && x.message().contains("marking.level")), f.toString());
    }

    @Test
    void bytesChangedInsideTheSignedRangeDoNotVerify() throws Exception {
        Path pdf = signed("机密", "1");
        byte[] bytes = Files.readAllBytes(pdf);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Producer");
        assertTrue(at > 0 || text.indexOf("/Creator") > 0 || text.indexOf("/Type") > 0);
        int i = text.indexOf("/Type /Page");
        i = i > 0 ? i : text.indexOf("/Type/Page");
        bytes[i + 1] = 'X';
        Files.write(dir.resolve("flipped.pdf"), bytes);
        List<Finding> f = seal(verify(dir.resolve("flipped.pdf"), trusting));
        assertTrue(f.stream().anyMatch(x -> x.rule().equals("seal.broken") && x.message().contains("does not verify")),
                f.toString());
    }

    @Test
    void aSignerOutsideTheTrustListIsUntrustedAndAnUnsignedSecretIsMissing() throws Exception {
        Path pdf = signed("机密", "1");
        SealKeys.Made other = SealKeys.rsa(dir, "other", "别人");
        Files.writeString(dir.resolve("other.yml"), "seal.required: 秘密\nseal.trust: [other.pem]\n");
        Policy otherTrust = PolicyLoader.load(dir.resolve("other.yml"));
        List<Finding> f = seal(verify(pdf, otherTrust));
        assertEquals(List.of("seal.untrusted"), f.stream().map(Finding::rule).toList());
        assertTrue(f.get(0).message().contains("保密办"), f.get(0).message());
        assertTrue(other.certificate() != null);

        Path src = FormatSamples.of("pdf").orElseThrow().write(dir.resolve("plain-src.pdf"));
        StampResult r = engine.stamp(StampRequest.of(List.of(src), dir.resolve("unsigned"), MarkingInput.of("机密", "5")));
        List<Finding> missing = seal(verify(r.files().get(0).written().get(0), trusting));
        assertEquals(List.of("seal.missing"), missing.stream().map(Finding::rule).toList());
        StampResult inner = engine.stamp(StampRequest.of(List.of(src), dir.resolve("inner"), MarkingInput.of("内部", null)));
        assertTrue(inner.allStamped(), inner.toString());
        assertEquals(List.of(), seal(verify(inner.files().get(0).written().get(0), trusting)));
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
