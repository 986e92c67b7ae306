package dev.marking.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.model.Script;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every policy key, and the message for each way to get it wrong. */
class PolicyLoaderTest {

    private static Policy parse(String yaml) throws PolicyException {
        return PolicyLoader.parse("marking.yml", yaml, "test");
    }

    private static String error(String yaml) {
        return assertThrows(PolicyException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void anInvalidGlobIsAPolicyErrorWithItsLine() {
        // found by the policy fuzz target (its crasher is kept under PolicyFuzzTestInputs/policy)
        String m = error("version: 1\nexclude:\n  - d\"raft[*\"\n");
        assertTrue(m.startsWith("marking.yml:"), m);
        assertTrue(m.contains("exclude") && m.contains("is not a valid glob"), m);
        String p = error("paths:\n  - path: \"a/{b\"\n    at-least: 秘密\n");
        assertTrue(p.contains("paths.path") && p.contains("is not a valid glob"), p);
    }

    @Test
    void aMalformedTagIsNotValidYaml() {
        // found by the policy fuzz target on 2026-12-03 (crash-2c02c18… under PolicyFuzzTestInputs/policy):
        // SnakeYAML refuses the tag's broken %-escape with an IllegalArgumentException, which escaped the loader
        String top = error("!%2");
        assertTrue(top.startsWith("marking.yml: not valid YAML: "), top);
        String nested = error("rules:\n  pii.email: !%zz off\n");
        assertTrue(nested.startsWith("marking.yml:") && nested.contains("not valid YAML"), nested);
    }

    @Test
    void emptyPolicyIsTheDefault() throws Exception {
        Policy p = parse("");
        assertEquals(MarkingMode.MANDATORY, p.mode());
        assertEquals(9, p.channels().size());
        assertFalse(p.channels().get("email").classified());
    }

    @Test
    void ocrIsOnUnlessThePolicyOrTheEnvironmentSwitchesItOff() throws Exception {
        assertTrue(parse("").ocr());
        assertTrue(parse("ocr: auto\n").ocr());
        assertFalse(parse("ocr: off\n").ocr());
        assertFalse(parse("ocr: off\n").ocrSettings().enabled());
        assertTrue(error("ocr: sometimes\n").contains("ocr"), error("ocr: sometimes\n"));
        assertTrue(OcrSettings.fromEnvironment(true, Map.of()).enabled());
        assertEquals("tesseract", OcrSettings.fromEnvironment(true, Map.of()).program());
        assertFalse(OcrSettings.fromEnvironment(true, Map.of("MARKING_OCR", "OFF")).enabled());
        assertFalse(OcrSettings.fromEnvironment(false, Map.of("MARKING_OCR", "auto")).enabled(), "the policy's off wins");
        assertEquals("/opt/t/bin/tesseract", OcrSettings.fromEnvironment(true,
                Map.of("MARKING_TESSERACT", "/opt/t/bin/tesseract")).program());
        assertThrows(IllegalArgumentException.class, () -> OcrSettings.fromEnvironment(true, Map.of("MARKING_OCR", "of")));
        // What the scan cache keys on: a policy that switches OCR off must not reuse results read with OCR.
        assertNotEquals(parse("").ocrSettings().fingerprint(), parse("ocr: off\n").ocrSettings().fingerprint());
    }

    @Test
    void schemesEnabledCustomAliasesAndLongTerm() throws Exception {
        Policy p = parse("""
                schemes:
                  enabled: [state, commercial]
                  allow-long-term: false
                  custom:
                    - name: company
                      levels: [核心秘密, 重要秘密, 一般秘密]
                      max-terms: [10, 5, 3]
                      unclassified: [公司公开]
                  aliases:
                    一般商密: 普通商密
                """);
        assertEquals(List.of("state", "commercial", "company"), p.schemes().stream().map(s -> s.id()).toList());
        assertFalse(p.allowLongTerm());
        assertFalse(p.parser().find("绝密★长期").get().valid());
        assertTrue(p.parser().find("重要秘密★5年").get().valid());
        assertFalse(p.parser().find("重要秘密★6年").get().valid(), "max term of the custom level");
        assertEquals("普通商密", p.parser().find("一般商密★2年").get().marking().get().level().name());
        assertTrue(p.parser().find("工作秘密★1年").isEmpty(), "work scheme not enabled");
    }

    @Test
    void markingModeRulesPathsSensitiveChannelsSuppressionsIncludeExclude() throws Exception {
        Policy p = parse("""
                version: 1
                marking: content
                rules:
                  marking.noncanonical: error
                  pii.email: off
                paths:
                  - path: secret/**
                    at-least: 机密
                  - path: public/
                    must-be: 公开
                sensitive:
                  words:
                    秘密: [试验基地]
                  secret-points:
                    机密: [东风快递]
                  codenames: [长城工程]
                channels:
                  email:
                    classified: allow
                    schemes: [state, work]
                  courier:
                    ledger: optional
                suppressions:
                  - path: legacy/**
                    rule: marking.missing
                    reason: archived before the policy
                    until: 2027-01-31
                include: ["**/*.docx"]
                exclude: [drafts/**]
                """);
        assertEquals(MarkingMode.CONTENT, p.mode());
        assertEquals(Optional.of(Severity.ERROR), p.severity("marking.noncanonical", Severity.WARNING));
        assertFalse(p.enabled("pii.email"));
        assertEquals(2, p.paths().size());
        assertEquals("机密", p.paths().get(0).atLeast().get().name());
        assertTrue(p.paths().get(1).glob().matches("public/a/b.docx"));
        assertEquals(2, p.terms().size());
        assertTrue(p.terms().get(1).secretPoint());
        assertEquals(List.of("长城工程"), p.codenames());
        assertTrue(p.channels().get("email").classified());
        assertEquals(2, p.channels().get("email").blockedSchemes().size());
        assertFalse(p.channels().get("courier").ledger());
        assertTrue(p.suppression("marking.missing", "legacy/x.docx", LocalDate.of(2027, 1, 31)).isPresent());
        assertTrue(p.suppression("marking.missing", "legacy/x.docx", LocalDate.of(2027, 2, 1)).isEmpty(), "expired");
        assertTrue(p.suppression("marking.invalid", "legacy/x.docx", LocalDate.of(2026, 1, 1)).isEmpty());
        assertTrue(p.selects("a.docx"));
        assertTrue(p.selects("sub/a.docx"));
        assertFalse(p.selects("drafts/a.docx"));
        assertFalse(p.selects("a.pdf"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "chanels: {}|marking.yml:1: chanels: unknown key (known: channels, declass, exclude, file-time-limit, include, "
            + "local-policy, "
            + "marking, marking.script, ocr, paths, rules, schemes, seal, seal.algorithm, seal.required, seal.trust, "
            + "sensitive, suppressions, version)",
        "local-policy: loosen|marking.yml:1: local-policy: expected one of tighten, override, not 'loosen'",
        "version: 2|marking.yml:1: version: expected one of 1, not '2'",
        "marking: sometimes|marking.yml:1: marking: expected one of mandatory, content, not 'sometimes'",
        "rules: {marking.missng: off}|marking.yml:1: rules.marking.missng: unknown key (known: copy.invalid, "
            + "declass.fake, declass.template, file.encrypted, file.mismatch, file.no-text, file.unreadable, "
            + "file.unsupported, hidden.content, marking.incomplete, marking.inconsistent, marking.invalid, "
            + "marking.missing, marking.noncanonical, pii.bank-card, pii.email, pii.id-card, pii.phone, "
            + "policy.excluded-all, redaction.fake, seal.broken, seal.missing, seal.untrusted, term.expired)",
        "rules: {marking.missing: fatal}|marking.yml:1: rules.marking.missing: expected one of error, warning, info, off, "
            + "not 'fatal'",
        "schemes: {enabled: [state, martian]}|marking.yml:1: schemes.enabled: expected one of state, work, internal, "
            + "commercial, nato, not 'martian'",
        "schemes: {allow-long-term: yes please}|marking.yml:1: schemes.allow-long-term: expected true or false, not "
            + "'yes please'",
        "schemes: {custom: [{name: x}]}|marking.yml:1: schemes.custom: a custom scheme needs name and levels",
        "schemes: {custom: [{name: state, levels: [a]}]}|marking.yml:1: schemes.custom.name: scheme state is already "
            + "defined",
        "schemes: {custom: [{name: x, levels: [a], max-terms: [0]}]}|marking.yml:1: schemes.custom.max-terms: expected "
            + "a positive number of years, not '0'",
        "schemes: {custom: [{name: x, levels: [a], max-terms: [1, 2]}]}|marking.yml:1: schemes.custom.max-terms: more "
            + "terms than levels",
        "schemes: {aliases: {甲级: 超级}}|marking.yml:1: schemes.aliases.甲级: unknown level 超级",
        "paths: [{at-least: 机密}]|marking.yml:1: paths: each entry needs a path",
        "paths: [{path: a/**}]|marking.yml:1: paths: each entry needs exactly one of at-least or must-be",
        "paths: [{path: a/**, at-least: 超密}]|marking.yml:1: paths.at-least: unknown level '超密' in the enabled schemes",
        "paths: secret|marking.yml:1: paths: expected a list",
        "sensitive: {words: {超密: [x]}}|marking.yml:1: sensitive.words: unknown level '超密' in the enabled schemes",
        "sensitive: {colors: []}|marking.yml:1: sensitive.colors: unknown key (known: codenames, secret-points, words)",
        "channels: {telex: {}}|marking.yml:1: channels.telex: unknown key (known: courier, crypto-fax, email, fax, im, "
            + "netdisk, post, print, usb)",
        "channels: {email: {classified: maybe}}|marking.yml:1: channels.email.classified: expected one of allow, block, "
            + "not 'maybe'",
        "channels: {courier: {ledger: sometimes}}|marking.yml:1: channels.courier.ledger: expected one of required, "
            + "optional, not 'sometimes'",
        "channels: {email: {schemes: [mars]}}|marking.yml:1: channels.email.schemes: expected one of state, work, "
            + "internal, commercial, nato, not 'mars'",
        "suppressions: [{path: a, rule: marking.missing}]|marking.yml:1: suppressions.reason: required (a suppression "
            + "must say why)",
        "suppressions: [{path: a, rule: nope, reason: r}]|marking.yml:1: suppressions.rule: expected one of "
            + "marking.missing, marking.invalid, marking.noncanonical, marking.inconsistent, marking.incomplete, "
            + "term.expired, copy.invalid, declass.fake, declass.template, redaction.fake, hidden.content, pii.id-card, "
            + "pii.phone, pii.bank-card, pii.email, file.no-text, seal.broken, seal.untrusted, seal.missing, "
            + "file.unreadable, file.encrypted, file.unsupported, file.mismatch, policy.excluded-all, *, not 'nope'",
        "suppressions: [{path: a, rule: '*', reason: r, until: soon}]|marking.yml:1: suppressions.until: expected a date "
            + "YYYY-MM-DD, not 'soon'",
        "include: '**/*.docx'|marking.yml:1: include: expected a list",
        "exclude: [{a: b}]|marking.yml:1: exclude: expected a single value",
        "marking: [a]|marking.yml:1: marking: expected a single value",
        "marking.script: cyrillic|marking.yml:1: marking.script: expected one of simplified, traditional, not 'cyrillic'",
        "marking: {script: tw}|marking.yml:1: marking.script: expected one of simplified, traditional, not 'tw'",
        "marking: {mode: often}|marking.yml:1: marking.mode: expected one of mandatory, content, not 'often'",
        "marking: {colour: red}|marking.yml:1: marking.colour: unknown key (known: mode, script)",
        "'just a string'|marking.yml:1: : expected a mapping of keys to values",
    })
    void badPoliciesNameKeyAndLine(String yaml, String message) {
        assertEquals(message, error(yaml));
    }

    @Test
    void errorsGiveTheRealLine() {
        assertEquals("marking.yml:4: rules.pii.mail: unknown key (known: copy.invalid, declass.fake, declass.template, "
                + "file.encrypted, file.mismatch, file.no-text, file.unreadable, file.unsupported, hidden.content, "
                + "marking.incomplete, marking.inconsistent, marking.invalid, marking.missing, marking.noncanonical, "
                + "pii.bank-card, pii.email, pii.id-card, pii.phone, policy.excluded-all, redaction.fake, seal.broken, "
                + "seal.missing, seal.untrusted, term.expired)",
                error("marking: content\n\nrules:\n  pii.mail: off\n"));
        assertTrue(error("rules:\n  a: [\n").startsWith("marking.yml:3: not valid YAML"));
        assertEquals("marking.yml:2: rules: given twice", error("rules: {}\nrules: {}\n"));
    }

    @Test
    void scriptIsTraditionalWhenThePolicySaysSoInEitherForm() throws PolicyException {
        assertSame(Script.SIMPLIFIED, PolicyLoader.parse("marking.yml", "marking: content\n", "f").script());
        Policy dotted = PolicyLoader.parse("marking.yml", "marking: content\nmarking.script: traditional\n", "f");
        assertSame(Script.TRADITIONAL, dotted.script());
        assertSame(MarkingMode.CONTENT, dotted.mode());
        Policy nested = PolicyLoader.parse("marking.yml", "marking:\n  mode: content\n  script: traditional\n", "f");
        assertSame(Script.TRADITIONAL, nested.script());
        assertSame(MarkingMode.CONTENT, nested.mode());
        assertSame(Script.TRADITIONAL, nested.parser().script());
        assertEquals("marking.yml:3: marking.script: expected one of simplified, traditional, not 'zh-TW'",
                error("version: 1\nmarking:\n  script: zh-TW\n"));
    }

    @TempDir
    Path dir;

    @Test
    void trustedCertificatesAreReadOnlyFromInsideThePolicysFolderOrByAbsolutePath() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(dir.resolve("outside.pem"), "not read");
        String name = repo.resolve("marking.yml").toString();
        String escape = assertThrows(PolicyException.class, () -> PolicyLoader.parse(name,
                "seal.trust: [../outside.pem]\n", "f")).getMessage();
        assertTrue(escape.contains("../outside.pem: a relative path must stay inside the policy's folder"), escape);
        String fifo = assertThrows(PolicyException.class, () -> PolicyLoader.parse(name,
                "seal.trust: [" + SpecialFiles.fifo(repo.resolve("ca.pem")) + "]\n", "f")).getMessage();
        assertTrue(fifo.contains("not a regular file"), fifo);
    }

    @Test
    void theOrganisationsPolicyIsExplicitThenEnvThenBuiltInAndTheFoldersOnlyTightensIt() throws Exception {
        Path explicit = Files.writeString(dir.resolve("p.yml"), "marking: content\n");
        Path env = Files.writeString(dir.resolve("env.yml"), "marking: mandatory\nrules: {pii.email: off}\n");
        Path root = Files.createDirectories(dir.resolve("repo"));
        Path local = Files.writeString(root.resolve("marking.yml"), "rules: {pii.phone: off}\n");
        assertEquals(MarkingMode.CONTENT, PolicyLoader.find(explicit, env.toString(), root).mode());
        assertFalse(PolicyLoader.find(null, env.toString(), root).enabled("pii.email"));
        Policy found = PolicyLoader.find(null, null, root);
        assertTrue(found.enabled("pii.phone"), "a policy found in the scanned folder cannot turn a rule off");
        assertEquals(List.of(PolicySource.builtIn(), new PolicySource(local.toString(), PolicySource.Role.LOCAL,
                List.of("rules.pii.phone: off"))), found.sources());
        assertSame(MarkingMode.MANDATORY, PolicyLoader.find(null, "", dir).mode());
        assertEquals("built-in", PolicyLoader.find(null, null, dir).source());
        assertThrows(PolicyException.class, () -> PolicyLoader.find(dir.resolve("missing.yml"), null, root));
    }

    @Test
    void aBuildsOwnPolicyBesideItsPomRulesUnlessTheOrganisationGivesOne() throws Exception {
        Path root = Files.createDirectories(dir.resolve("project"));
        Path own = Files.writeString(root.resolve("marking.yml"), "rules: {pii.phone: off}\n");
        Policy project = PolicyLoader.findForProject(null, null, root);
        assertFalse(project.enabled("pii.phone"));
        assertEquals(List.of(new PolicySource(own.toString(), PolicySource.Role.PROJECT, List.of())), project.sources());
        Path org = Files.writeString(dir.resolve("org.yml"), "version: 1\n");
        Policy underOrg = PolicyLoader.findForProject(null, org.toString(), root);
        assertTrue(underOrg.enabled("pii.phone"), "under an organisation's policy the project's file only tightens");
        assertEquals(List.of(PolicySource.Role.ORGANISATION, PolicySource.Role.LOCAL),
                underOrg.sources().stream().map(PolicySource::role).toList());
        assertEquals(Policy.defaults().sources(), PolicyLoader.findForProject(null, null, dir.resolve("none")).sources());
    }

    @Test
    void aPolicyThatIsNotARegularFileIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("policy.yml"));
        PolicyException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(PolicyException.class, () -> PolicyLoader.load(fifo)));
        assertEquals(fifo + ": cannot read the policy: not a regular file (fifo)", e.getMessage());
    }

    @Test
    void pseudonymsAreLeftOutByDefaultAndReportedWhenThePolicySaysSo() throws PolicyException {
        assertEquals(Optional.empty(), Policy.defaults().pseudonyms());
        assertEquals(Optional.empty(), parse("version: 1\n").pseudonyms());
        assertEquals(Optional.of(Severity.INFO), parse("declass: {pseudonyms: info}\n").pseudonyms());
        assertEquals(Optional.of(Severity.ERROR), parse("declass:\n  pseudonyms: error\n").pseudonyms());
        assertEquals(Optional.empty(), parse("declass: {pseudonyms: off}\n").pseudonyms());
    }

    @Test
    void badPseudonymSettingsNameKeyAndLine() {
        assertEquals("marking.yml:2: declass.pseudonyms: expected one of error, warning, info, off, not 'loud'",
                error("version: 1\ndeclass: {pseudonyms: loud}\n"));
        assertEquals("marking.yml:1: declass.names: unknown key (known: pseudonyms)", error("declass: {names: info}\n"));
    }

    @Test
    void theTemplateRuleIsARuleIdOfItsOwn() throws PolicyException {
        Policy p = parse("rules: {declass.template: off}\n");
        assertFalse(p.enabled("declass.template"));
        assertTrue(p.enabled("declass.fake"));
    }
}
