package dev.marking.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.MarkingInput;
import dev.marking.core.engine.SignWith;
import dev.marking.core.engine.StampRequest;
import dev.marking.core.engine.StampResult;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.testing.SealKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 for text and Markdown: a detached DER CMS signature beside the file, checked by openssl and by verify. */
class SealDetachedTest {

    private final Engine engine = Engine.standard("test");

    @TempDir
    Path dir;

    private Path stamp(SealKeys.Made key, Policy policy, String level) throws Exception {
        Path src = Files.writeString(dir.resolve("方案.md"), "# 关于项目进展情况的汇报\n\n正文第一段。\n");
        StampResult r = engine.stamp(StampRequest.of(List.of(src), dir.resolve("out"), MarkingInput.of(level, "5")
                .withCopy("7")).withPolicy(policy).withOverwrite(true)
                .withSign(new SignWith(key.keystore(), null, key.password())));
        assertTrue(r.allStamped(), r.toString());
        return r.files().get(0).written().get(0);
    }

    private List<Finding> seal(Path file, Policy policy) throws Exception {
        return engine.verify(VerifyRequest.of(List.of(file)).withPolicy(policy).withLang("en"), null).result().files()
                .get(0).findings().stream().filter(f -> f.rule().startsWith("seal.")).toList();
    }

    @Test
    void opensslAcceptsTheSignatureAndVerifyCatchesAnEditedLevel() throws Exception {
        SealKeys.Made office = SealKeys.rsa(dir, "office", "保密办");
        Files.writeString(dir.resolve("marking.yml"), "seal: {required: 秘密, trust: [office.pem]}\n");
        Policy policy = PolicyLoader.load(dir.resolve("marking.yml"));
        Path md = stamp(office, policy, "机密");
        Path p7s = md.resolveSibling(md.getFileName() + ".p7s");
        assertTrue(Files.isRegularFile(p7s));
        assertEquals(0x30, Files.readAllBytes(p7s)[0] & 0xff);
        assertEquals(List.of(), seal(md, policy));

        Path openssl = ExternalTools.require("openssl", "the detached signature is not checked by openssl");
        Run ok = run(List.of(openssl.toString(), "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
                "-content", md.toString(), "-noverify", "-out", dir.resolve("content.out").toString()));
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("Verification successful"), ok.out());
        Run anchored = run(List.of(openssl.toString(), "cms", "-verify", "-binary", "-inform", "DER", "-in",
                p7s.toString(), "-content", md.toString(), "-CAfile", office.pem().toString(), "-purpose", "any",
                "-out", dir.resolve("content2.out").toString()));
        assertEquals(0, anchored.code(), anchored.out());

        String text = Files.readString(md);
        assertTrue(text.contains("机密★5年"), text);
        Files.writeString(md, text.replace("机密★5年", "秘密★5年"));
        Run tampered = run(List.of(openssl.toString(), "cms", "-verify", "-binary", "-inform", "DER", "-in",
                p7s.toString(), "-content", md.toString(), "-noverify", "-out", dir.resolve("content3.out").toString()));
        assertNotEquals(0, tampered.code(), tampered.out());
        List<Finding> f = seal(md, policy);
        assertEquals(List.of("seal.broken"), f.stream().map(Finding::rule).toList());
        assertTrue(f.get(0).message().contains("the content changed after it was signed"), f.get(0).message());
        assertTrue(f.get(0).message().contains("the marking changed from 机密★5年 第000007份 to 秘密★5年 第000007份"),
                f.get(0).message());
    }

    @Test
    void anSm2SignatureVerifiesAndIsCaughtWhenTheTextChanges() throws Exception {
        SealKeys.Made office = SealKeys.sm2(dir, "sm2", "保密办SM2");
        Files.writeString(dir.resolve("marking.yml"), "seal: {algorithm: sm2, trust: [sm2.pem]}\n");
        Policy policy = PolicyLoader.load(dir.resolve("marking.yml"));
        Path md = stamp(office, policy, "秘密");
        assertEquals(List.of(), seal(md, policy));
        Files.writeString(md, Files.readString(md).replace("正文第一段", "正文第二段"));
        List<Finding> f = seal(md, policy);
        assertEquals(List.of("seal.broken"), f.stream().map(Finding::rule).toList());
        assertTrue(f.get(0).message().contains("the content changed after it was signed"), f.get(0).message());
    }

    @Test
    void anUnsignedTextUnderARequirementIsMissingAndASignatureFileAloneIsNotEnough() throws Exception {
        Files.writeString(dir.resolve("marking.yml"), "seal.required: 秘密\n");
        Policy policy = PolicyLoader.load(dir.resolve("marking.yml"));
        Path src = Files.writeString(dir.resolve("a.md"), "# 标题\n");
        StampResult r = engine.stamp(StampRequest.of(List.of(src), dir.resolve("plain"), MarkingInput.of("机密", "5")));
        Path md = r.files().get(0).written().get(0);
        assertEquals(List.of("seal.missing"), seal(md, policy).stream().map(Finding::rule).toList());
        Files.write(md.resolveSibling(md.getFileName() + ".p7s"), new byte[] {0x30, 0x03, 1, 2, 3});
        List<Finding> f = seal(md, policy);
        assertEquals(List.of("seal.broken"), f.stream().map(Finding::rule).toList());
    }

    private record Run(int code, String out) {
    }

    private static Run run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }
}
