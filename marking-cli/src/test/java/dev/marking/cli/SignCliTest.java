package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.ChildJvm;
import dev.marking.core.testing.SealKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stamp --sign}: the password comes from the environment, never the command line; verify checks the seal. */
class SignCliTest {

    private static final String PASSWORD_VAR = "MARKING_TEST_KEY_PASSWORD";

    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run marking(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = ChildJvm.check(List.of(), "dev.marking.cli.Main", List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(PASSWORD_VAR);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    @Test
    void signsWithThePasswordFromTheEnvironmentAndVerifyChecksTheSeal() throws Exception {
        SealKeys.Made key = SealKeys.rsa(dir, "office", "保密办");
        Path doc = Files.writeString(dir.resolve("通知.md"), "# 通知\n\n正文\n");
        Files.writeString(dir.resolve("policy.yml"), "seal: {required: 秘密, trust: [office.pem]}\n");
        String password = new String(key.password());

        Run missing = marking(Map.of(), "stamp", "--level", "机密", "--term", "5", "--sign", key.keystore().toString(),
                "--sign-password-env", PASSWORD_VAR, "-o", dir.resolve("out").toString(), doc.toString());
        assertEquals(2, missing.code(), missing.out());
        assertTrue(missing.out().contains(PASSWORD_VAR), missing.out());

        Run wrong = marking(Map.of(PASSWORD_VAR, "not-it"), "stamp", "--level", "机密", "--term", "5", "--sign",
                key.keystore().toString(), "--sign-password-env", PASSWORD_VAR, "-o", dir.resolve("out").toString(),
                doc.toString());
        assertEquals(2, wrong.code(), wrong.out());
        assertFalse(Files.exists(dir.resolve("out/通知.md")), "a wrong password writes nothing");

        Run ok = marking(Map.of(PASSWORD_VAR, password), "stamp", "--level", "机密", "--term", "5", "--sign",
                key.keystore().toString(), "--sign-password-env", PASSWORD_VAR, "-o", dir.resolve("out").toString(),
                doc.toString());
        assertEquals(0, ok.code(), ok.out());
        assertFalse(ok.out().contains(password), ok.out());
        assertTrue(Files.isRegularFile(dir.resolve("out/通知.md.p7s")));

        Run clean = marking(Map.of(), "verify", "--policy", dir.resolve("policy.yml").toString(), "--lang", "en",
                dir.resolve("out/通知.md").toString());
        assertEquals(0, clean.code(), clean.out());

        Files.writeString(dir.resolve("out/通知.md"), Files.readString(dir.resolve("out/通知.md"))
                .replace("机密★5年", "秘密★5年"));
        Run broken = marking(Map.of(), "verify", "--policy", dir.resolve("policy.yml").toString(), "--lang", "en",
                dir.resolve("out/通知.md").toString());
        assertEquals(1, broken.code(), broken.out());
        assertTrue(broken.out().contains("seal.broken"), broken.out());
    }
}
