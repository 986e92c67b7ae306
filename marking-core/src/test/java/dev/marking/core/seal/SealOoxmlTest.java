package dev.marking.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.marking.core.testing.FormatSamples;
import dev.marking.core.testing.SealKeys;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.dsig.SignatureConfig;
import org.apache.poi.poifs.crypt.dsig.SignatureInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 for DOCX, XLSX and PPTX: the OOXML package signature, validated by POI; an edited part breaks it. */
class SealOoxmlTest {

    private final Engine engine = Engine.standard("test");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"docx", "xlsx", "pptx"})
    void aSignedPackageValidatesAndAnEditedPartIsBroken(String format) throws Exception {
        SealKeys.Made office = SealKeys.rsa(dir, "office", "保密办");
        Files.writeString(dir.resolve("marking.yml"), "seal: {required: 秘密, trust: [office.pem]}\n");
        Policy policy = PolicyLoader.load(dir.resolve("marking.yml"));
        Path src = FormatSamples.of(format).orElseThrow().write(dir.resolve("汇报." + format));
        StampResult r = engine.stamp(StampRequest.of(List.of(src), dir.resolve("out"), MarkingInput.of("机密", "5")
                .withCopy("3")).withPolicy(policy).withSign(new SignWith(office.keystore(), null, office.password())));
        assertTrue(r.allStamped(), r.toString());
        Path signed = r.files().get(0).written().get(0);

        try (OPCPackage pkg = OPCPackage.open(signed.toFile(), PackageAccess.READ)) {
            SignatureInfo si = new SignatureInfo();
            si.setSignatureConfig(lenient());
            si.setOpcPackage(pkg);
            assertTrue(si.verifySignature(), "POI validates the package signature");
        }
        assertEquals(List.of(), seal(signed, policy));

        String main = switch (format) {
            case "docx" -> "word/document.xml";
            case "xlsx" -> "xl/sharedStrings.xml";
            default -> "ppt/slides/slide1.xml";
        };
        Path edited = dir.resolve("edited." + format);
        boolean changed = rezip(signed, edited, main, "正文第一段", "正文第二段")
                | rezip(signed, edited, main, "关于项目进展", "关于项目停滞");
        assertTrue(changed, "the main part holds the body text");
        try (OPCPackage pkg = OPCPackage.open(edited.toFile(), PackageAccess.READ)) {
            SignatureInfo si = new SignatureInfo();
            si.setSignatureConfig(lenient());
            si.setOpcPackage(pkg);
            assertFalse(si.verifySignature(), "POI rejects the edited package");
        }
        List<Finding> f = seal(edited, policy);
        assertEquals(List.of("seal.broken"), f.stream().map(Finding::rule).toList());
        assertTrue(f.get(0).message().contains("the content changed after it was signed"), f.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx"})
    void theLevelEditedInTheXmlIsBrokenAndNamed(String format) throws Exception {
        SealKeys.Made office = SealKeys.rsa(dir, "office", "保密办");
        Path src = FormatSamples.of(format).orElseThrow().write(dir.resolve("汇报." + format));
        StampResult r = engine.stamp(StampRequest.of(List.of(src), dir.resolve("out"), MarkingInput.of("机密", "5")
                .withCopy("3")).withSign(new SignWith(office.keystore(), null, office.password())));
        assertTrue(r.allStamped(), r.toString());
        Path signed = r.files().get(0).written().get(0);
        Path edited = dir.resolve("edited." + format);
        boolean any = false;
        for (String part : List.of("word/document.xml", "word/header1.xml", "word/header2.xml", "word/header3.xml",
                "docProps/custom.xml")) {
            Path from = any ? Files.copy(edited, dir.resolve("step." + format),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING) : signed;
            if (rezip(from, edited, part, "机密", "秘密")) {
                any = true;
            }
        }
        assertTrue(any);
        List<Finding> f = seal(edited, Policy.defaults());
        assertEquals(List.of("seal.broken"), f.stream().map(Finding::rule).toList());
        assertTrue(f.get(0).message().contains("the marking changed from 机密★5年 第000003份 to 秘密★5年 第000003份"),
                f.get(0).message());
    }

    /** POI's configuration for checking: a deck's signature has more than the 30 references secure validation allows. */
    private static SignatureConfig lenient() {
        SignatureConfig c = new SignatureConfig();
        c.setSecureValidation(false);
        return c;
    }

    private List<Finding> seal(Path file, Policy policy) throws Exception {
        return engine.verify(VerifyRequest.of(List.of(file)).withPolicy(policy).withLang("en"), null).result().files()
                .get(0).findings().stream().filter(f -> f.rule().startsWith("seal.")).toList();
    }

    /** Copies the package {@code from} to {@code to}, replacing {@code was} by {@code now} in {@code part}; true when it did. */
    private static boolean rezip(Path from, Path to, String part, String was, String now) throws Exception {
        boolean changed = false;
        Path temp = to.resolveSibling(to.getFileName() + ".tmp");
        try (InputStream in = Files.newInputStream(from); ZipInputStream zin = new ZipInputStream(in);
                OutputStream out = Files.newOutputStream(temp); ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] bytes = zin.readAllBytes();
                if (e.getName().equals(part)) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    if (xml.contains(was)) {
                        bytes = xml.replace(was, now).getBytes(StandardCharsets.UTF_8);
                        changed = true;
                    }
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        if (changed || !Files.exists(to)) {
            Files.move(temp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(temp);
        }
        return changed;
    }
}
