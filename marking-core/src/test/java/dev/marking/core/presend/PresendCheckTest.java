package dev.marking.core.presend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.policy.ChannelRule;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Digests;
import dev.marking.core.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresendCheckTest {

    @TempDir
    Path dir;

    private PresendCheck check(Policy policy, Optional<Ledger> ledger) {
        Messages en = Messages.forLang("en");
        Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(policy, LocalDate.now(), en));
        return new PresendCheck(policy, scanner, FormatRegistry.standard(), ledger, en);
    }

    @Test
    void classifiedFileIsBlockedOnEmailAndAllowedByRegisteredCourier() throws Exception {
        Path secret = Files.writeString(dir.resolve("s.txt"), "000001\n机密★5年\n\n正文\n");
        Decision email = check(Policy.defaults(), Optional.empty()).decide(secret, "email");
        assertFalse(email.allowed());
        assertEquals("channel.classified", email.reasons().get(0).rule());
        assertEquals("机密★5年 documents may not go by email (channel rule in policy built-in)",
                email.reasons().get(0).message());
        Decision unregistered = check(Policy.defaults(), Optional.empty()).decide(secret, "courier");
        assertEquals("channel.ledger", unregistered.reasons().get(0).rule());
        Path ledgerFile = Files.writeString(dir.resolve("ledger.jsonl"), "{\"document\":\"d1\",\"copy\":\"000001\","
                + "\"recipient\":\"办公室\",\"file\":\"s.txt\",\"sha256\":\"" + Digests.sha256(secret) + "\",\"time\":\"t\"}\n");
        Decision courier = check(Policy.defaults(), Optional.of(Ledger.read(ledgerFile))).decide(secret, "courier");
        assertTrue(courier.allowed(), () -> courier.reasons().toString());
    }

    @Test
    void unmarkedFileWithProblemsIsBlockedEverywhere() throws Exception {
        Path doc = Files.writeString(dir.resolve("u.txt"), "本文件属机密。\n");
        Policy content = PolicyLoader.parse("p", "marking: content\n", "x");
        for (String channel : ChannelRule.NAMES) {
            Decision d = check(content, Optional.empty()).decide(doc, channel);
            assertFalse(d.allowed(), channel);
            assertEquals("marking.missing", d.reasons().get(0).rule());
        }
    }

    @Test
    void publicFileGoesAnywhereAndPolicyCanOpenAChannel() throws Exception {
        Path pub = Files.writeString(dir.resolve("p.txt"), "公开\n\n通知\n");
        for (String channel : ChannelRule.NAMES) {
            assertTrue(check(Policy.defaults(), Optional.empty()).decide(pub, channel).allowed(), channel);
        }
        Path secret = Files.writeString(dir.resolve("s.txt"), "秘密★1年\n正文\n");
        Policy open = PolicyLoader.parse("p", "channels:\n  email: {classified: allow}\n", "x");
        assertTrue(check(open, Optional.empty()).decide(secret, "email").allowed());
    }
}
