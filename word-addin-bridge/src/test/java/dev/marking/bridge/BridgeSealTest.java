package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.engine.Engine;
import dev.marking.core.engine.SignWith;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.testing.FormatSamples;
import dev.marking.core.testing.SealKeys;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.dsig.SignatureConfig;
import org.apache.poi.poifs.crypt.dsig.SignatureInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 through the bridge: started with its user's key ({@code marking bridge --sign}), it seals what it stamps;
 * the client sends only the document. Checked under a policy that requires a seal from 秘密 and trusts only that key,
 * so a stamped copy verifies clean only when it is signed, intact and by that key.
 */
class BridgeSealTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SealKeys.Made office;
    private Policy policy;

    @BeforeEach
    void keyAndPolicy() throws Exception {
        office = SealKeys.rsa(dir, "office", "保密办");
        Files.writeString(dir.resolve("marking.yml"), "seal: {required: 秘密, trust: [office.pem]}\n");
        policy = PolicyLoader.load(dir.resolve("marking.yml"));
    }

    private RunningBridge bridge(SignWith sign) throws IOException {
        return RunningBridge.http(BridgeConfig.defaults(0, dir.resolve("config")).withPolicy(policy).withSign(sign));
    }

    private static HttpResponse<byte[]> stamp(RunningBridge b, String name, byte[] doc) throws Exception {
        HttpResponse<byte[]> r = b.post("/api/v1/stamp?level=" + PercentCoding.encode("机密") + "&term=5&copy=3", name, doc);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r;
    }

    /** The seal findings of {@code name} as the bridge's verify reports them. */
    private static List<String> sealFindings(RunningBridge b, String name, byte[] doc) throws Exception {
        HttpResponse<byte[]> r = b.post("/api/v1/verify", name, doc);
        assertEquals(200, r.statusCode());
        JsonNode report = JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
        List<String> rules = new java.util.ArrayList<>();
        report.get("files").get(0).get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        return rules.stream().filter(rule -> rule.startsWith("seal.")).toList();
    }

    private byte[] sample(String format) throws Exception {
        return Files.readAllBytes(FormatSamples.of(format).orElseThrow().write(dir.resolve("汇报." + format)));
    }

    @Test
    void aDocxAndAPdfStampedByTheBridgeAreSignedWithItsUsersKey() throws Exception {
        try (RunningBridge b = bridge(new SignWith(office.keystore(), null, office.password()))) {
            assertTrue(JSON.readTree(b.get("/api/v1/health").body()).get("sealed").asBoolean());
            assertTrue(b.bridge.banner().stream().anyMatch(l -> l.startsWith("seal:") && l.contains("CN=保密办")),
                    String.join("\n", b.bridge.banner()));

            HttpResponse<byte[]> docx = stamp(b, "汇报.docx", sample("docx"));
            assertEquals("embedded", docx.headers().firstValue(ApiHandler.SEALED_HEADER).orElseThrow());
            assertTrue(docx.headers().firstValue(ApiHandler.SIGNATURE_HEADER).isEmpty());
            Path signedDocx = Files.write(dir.resolve("signed.docx"), docx.body());
            try (OPCPackage pkg = OPCPackage.open(signedDocx.toFile(), PackageAccess.READ)) {
                SignatureInfo si = new SignatureInfo();
                si.setSignatureConfig(new SignatureConfig());
                si.setOpcPackage(pkg);
                assertTrue(si.verifySignature(), "POI validates the package signature the bridge made");
            }
            assertEquals(List.of(), sealFindings(b, "汇报.000003.docx", docx.body()));

            HttpResponse<byte[]> pdf = stamp(b, "汇报.pdf", sample("pdf"));
            assertEquals("embedded", pdf.headers().firstValue(ApiHandler.SEALED_HEADER).orElseThrow());
            try (PDDocument d = Loader.loadPDF(pdf.body())) {
                List<PDSignature> signatures = d.getSignatureDictionaries();
                assertEquals(1, signatures.size());
                assertTrue(signatures.get(0).getReason().contains("机密★5年"), signatures.get(0).getReason());
                assertEquals("ETSI.CAdES.detached", signatures.get(0).getSubFilter());
            }
            assertEquals(List.of(), sealFindings(b, "汇报.000003.pdf", pdf.body()));
        }
    }

    @Test
    void aMarkdownFileComesBackWithItsDetachedSignature() throws Exception {
        try (RunningBridge b = bridge(new SignWith(office.keystore(), null, office.password()))) {
            HttpResponse<byte[]> r = stamp(b, "纪要.md", Documents.unmarked());
            assertEquals("detached", r.headers().firstValue(ApiHandler.SEALED_HEADER).orElseThrow());
            byte[] p7s = Base64.getDecoder().decode(r.headers().firstValue(ApiHandler.SIGNATURE_HEADER).orElseThrow());
            Path md = Files.write(dir.resolve("纪要.000003.md"), r.body());
            Files.write(dir.resolve("纪要.000003.md.p7s"), p7s);
            Engine engine = Engine.standard("test");
            List<Finding> clean = engine.verify(VerifyRequest.of(List.of(md)).withPolicy(policy).withLang("en"), null)
                    .result().files().get(0).findings();
            assertEquals(List.of(), clean, "the file with the returned .p7s beside it verifies clean");

            Files.writeString(md, Files.readString(md).replace("机密★5年", "秘密★5年"));
            List<String> tampered = engine.verify(VerifyRequest.of(List.of(md)).withPolicy(policy).withLang("en"), null)
                    .result().files().get(0).findings().stream().map(Finding::rule).toList();
            assertTrue(tampered.contains("seal.broken"), tampered.toString());
        }
    }

    @Test
    void withoutAKeyTheBridgeStampsUnsignedCopies() throws Exception {
        try (RunningBridge b = bridge(null)) {
            assertFalse(JSON.readTree(b.get("/api/v1/health").body()).get("sealed").asBoolean());
            HttpResponse<byte[]> r = stamp(b, "汇报.docx", sample("docx"));
            assertTrue(r.headers().firstValue(ApiHandler.SEALED_HEADER).isEmpty());
            assertEquals(List.of("seal.missing"), sealFindings(b, "汇报.000003.docx", r.body()),
                    "the policy's seal.required catches an unsigned copy");
        }
    }

    @Test
    void aWrongPasswordStopsTheStartNotTheFirstStamp() {
        IOException e = assertThrows(IOException.class,
                () -> bridge(new SignWith(office.keystore(), null, "Xq7-not-it".toCharArray())).close());
        assertTrue(e.getMessage().contains("cannot open the signing key"), e.getMessage());
        assertFalse(e.getMessage().contains("Xq7-not-it"), "the password is never shown: " + e.getMessage());
    }
}
