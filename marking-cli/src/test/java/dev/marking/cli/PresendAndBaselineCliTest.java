package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresendAndBaselineCliTest {

    @TempDir
    Path dir;

    @Test
    void presendBlocksClassifiedEmailWithTheRuleAndAllowsPublic() throws Exception {
        Path secret = Files.writeString(dir.resolve("s.md"), "机密★5年\n\n正文\n");
        Path pub = Files.writeString(dir.resolve("p.md"), "公开\n\n正文\n");
        CliRun blocked = CliRun.of("presend", "--channel", "email", "--lang", "en", secret.toString());
        assertEquals(1, blocked.exit());
        assertTrue(blocked.out().contains("BLOCKED"), blocked.out());
        assertTrue(blocked.out().contains("  - channel.classified: 机密★5年 documents may not go by email"), blocked.out());
        CliRun allowed = CliRun.of("presend", "--channel", "email", "--format", "json", pub.toString());
        assertEquals(0, allowed.exit(), allowed.out());
        assertTrue(allowed.out().contains("\"allowed\" : true"), allowed.out());
        assertEquals(2, CliRun.of("presend", "--channel", "telex", pub.toString()).exit());
        assertEquals(2, CliRun.of("presend", "--channel", "email", dir.resolve("none.md").toString()).exit());
    }

    @Test
    void presendBlocksATraditionalClassifiedFileByEmailUnderBothModes() throws Exception {
        Path secret = Files.writeString(dir.resolve("t.md"), "機密★5年\n\n關於某項工作的通知\n");
        for (String mode : new String[] {"mandatory", "content"}) {
            Path policy = Files.writeString(dir.resolve(mode + ".yml"), "marking: " + mode + "\n");
            CliRun r = CliRun.of("presend", "--channel", "email", "--policy", policy.toString(), "--lang", "en",
                    secret.toString());
            assertEquals(1, r.exit(), mode + ": " + r.out());
            assertTrue(r.out().contains("channel.classified: 机密★5年 documents may not go by email"), r.out());
        }
    }

    @Test
    void badPolicyIsAUsageErrorNamingKeyAndLine() throws Exception {
        Path policy = Files.writeString(dir.resolve("marking.yml"), "marking: mandatory\nrules:\n  nope: off\n");
        Path doc = Files.writeString(dir.resolve("a.md"), "公开\n");
        CliRun r = CliRun.of("verify", "--policy", policy.toString(), doc.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("marking: " + policy + ":3: rules.nope: unknown key"), r.err());
        CliRun found = CliRun.of("verify", dir.toString());
        assertEquals(2, found.exit(), "marking.yml in the scanned folder is used");
    }

    @Test
    void baselineThenOnlyNewFindings() throws Exception {
        Path doc = Files.writeString(dir.resolve("a.md"), "秘密★15年\n\n第一段。\n");
        Path baseline = dir.resolve("base/baseline.json");
        CliRun write = CliRun.of("verify", "--write-baseline", baseline.toString(), doc.toString());
        assertEquals(1, write.exit());
        Files.writeString(doc, "秘密★15年\n\n第一段，改过。\n");
        assertEquals(0, CliRun.of("verify", "--baseline", baseline.toString(), doc.toString()).exit());
        Files.writeString(doc, "秘密★15年\n\n第一段。\n\n机密★21年\n");
        CliRun fresh = CliRun.of("verify", "--baseline", baseline.toString(), "--lang", "en", doc.toString());
        assertEquals(1, fresh.exit());
        assertTrue(fresh.out().contains("机密★21年"), fresh.out());
        assertTrue(!fresh.out().contains("秘密★15年:"), fresh.out());
    }
}
