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

    private Path ledgerFor(Path copy) throws Exception {
        return Files.writeString(dir.resolve("ledger-" + copy.getFileName() + ".jsonl"), "{\"document\":\"d1\",\"copy\":"
                + "\"000001\",\"file\":\"x\",\"sha256\":\"" + Digests.sha256(copy) + "\",\"time\":\"t\"}\n");
    }

    @Test
    void plainFaxRefusesClassifiedAndCryptoFaxTakesARegisteredSecretCopy() throws Exception {
        Path secret = Files.writeString(dir.resolve("s.txt"), "000001\n机密★5年\n\n正文\n");
        Optional<Ledger> ledger = Optional.of(Ledger.read(ledgerFor(secret)));
        Decision fax = check(Policy.defaults(), ledger).decide(secret, "fax");
        assertEquals("channel.classified", fax.reasons().get(0).rule());
        assertTrue(check(Policy.defaults(), ledger).decide(secret, "crypto-fax").allowed());
        Decision unregistered = check(Policy.defaults(), Optional.empty()).decide(secret, "crypto-fax");
        assertEquals("channel.ledger", unregistered.reasons().get(0).rule());
    }

    @Test
    void topSecretGoesByNoElectronicChannelUnlessPolicySaysSo() throws Exception {
        Path top = Files.writeString(dir.resolve("t.txt"), "000001\n绝密★长期\n\n正文\n");
        Optional<Ledger> ledger = Optional.of(Ledger.read(ledgerFor(top)));
        Policy open = PolicyLoader.parse("p", "channels:\n  email: {classified: allow}\n", "x");
        for (String channel : java.util.List.of("email", "im", "netdisk", "usb", "fax", "crypto-fax")) {
            for (Policy p : java.util.List.of(Policy.defaults(), open)) {
                Decision d = check(p, ledger).decide(top, channel);
                assertFalse(d.allowed(), channel);
                assertTrue(d.reasons().stream().anyMatch(r -> r.rule().equals("channel.level")
                        && r.message().contains("courier only")), channel + ": " + d.reasons());
            }
        }
        assertTrue(check(Policy.defaults(), ledger).decide(top, "courier").allowed());
        Policy cryptoTopSecret = PolicyLoader.parse("p", "channels:\n  crypto-fax: {levels: []}\n", "x");
        assertTrue(check(cryptoTopSecret, ledger).decide(top, "crypto-fax").allowed(), "policy can change it");
        Policy noCourier = PolicyLoader.parse("p", "channels:\n  courier: {levels: [绝密]}\n", "x");
        assertEquals("channel.level", check(noCourier, ledger).decide(top, "courier").reasons().get(0).rule());
    }
}
