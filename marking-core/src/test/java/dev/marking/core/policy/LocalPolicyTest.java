package dev.marking.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Script;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A marking.yml found in a scanned folder may only tighten the policy above it, unless that policy allows more. */
class LocalPolicyTest {

    @TempDir
    Path dir;

    private Policy local(Policy upper, String yaml) throws Exception {
        return LocalPolicy.apply(upper, Files.writeString(dir.resolve("marking.yml"), yaml));
    }

    private static Policy org(String yaml) throws PolicyException {
        return PolicyLoader.parse("org.yml", yaml, "org");
    }

    private static List<String> ignored(Policy p) {
        return p.sources().get(p.sources().size() - 1).ignored();
    }

    @Test
    void aLocalFileReadByTheCallerIsAppliedAsTheFileItself() throws Exception {
        String yaml = "rules: {marking.noncanonical: error}\nexclude: [\"*.md\"]\n";
        for (Policy upper : List.of(Policy.defaults(), org("local-policy: override\n"))) {
            Path file = Files.writeString(dir.resolve("marking.yml"), yaml);
            Policy fromFile = LocalPolicy.apply(upper, file);
            Policy fromBytes = LocalPolicy.apply(upper, file.toString(), Files.readAllBytes(file));
            assertEquals(fromFile.fingerprint(), fromBytes.fingerprint());
            assertEquals(fromFile.sources(), fromBytes.sources());
            assertEquals(fromFile.severities(), fromBytes.severities());
            assertEquals(fromFile.exclude().size(), fromBytes.exclude().size());
            assertNotEquals(upper.fingerprint(), fromBytes.fingerprint());
        }
        assertThrows(PolicyException.class, () -> LocalPolicy.apply(Policy.defaults(), "bad.yml",
                new byte[] {(byte) 0xff, (byte) 0xfe}), "not UTF-8");
    }

    @Test
    void everythingThatLoosensIsIgnoredAndNamed() throws Exception {
        Policy p = local(Policy.defaults(), """
                version: 1
                local-policy: override
                exclude: ["**"]
                include: ["nothing/**"]
                rules: {marking.missing: off, pii.email: info, file.mismatch: error}
                marking: {mode: content, script: traditional}
                schemes:
                  allow-long-term: true
                  enabled: [nato]
                  custom: [{name: ours, levels: [随便]}]
                channels: {email: {classified: allow}, courier: {ledger: optional}}
                suppressions: [{path: "**", rule: "*", reason: "we say so"}]
                """);
        assertEquals(List.of("rules.marking.missing: off", "rules.pii.email: info", "marking.mode: content",
                "marking.script: traditional", "schemes.enabled", "schemes.custom",
                "channels.courier.ledger: optional", "channels.email.classified: allow", "suppressions (1)",
                "include (the policy above checks every file)", "exclude", "local-policy"), ignored(p));
        assertTrue(p.selects("docs/a.docx"), "nothing is excluded");
        assertEquals(Optional.of(Severity.ERROR), p.severity("marking.missing", Severity.ERROR));
        assertEquals(Optional.of(Severity.WARNING), p.severity("pii.email", Severity.WARNING));
        assertEquals(Optional.of(Severity.ERROR), p.severity("file.mismatch", Severity.WARNING), "raising is applied");
        assertEquals(MarkingMode.MANDATORY, p.mode());
        assertEquals(Script.SIMPLIFIED, p.script());
        assertEquals(Policy.defaults().schemes(), p.schemes());
        assertFalse(p.channels().get("email").classified());
        assertTrue(p.channels().get("courier").ledger());
        assertEquals(Optional.empty(), p.suppression("marking.missing", "a.md", LocalDate.of(2026, 1, 1)));
        assertEquals(Policy.Local.TIGHTEN, p.local(), "a local file cannot grant itself overrides");
        assertEquals(List.of(PolicySource.Role.BUILT_IN, PolicySource.Role.LOCAL),
                p.sources().stream().map(PolicySource::role).toList());
    }

    @Test
    void aLocalFileMaySwitchOcrOnButNotOff() throws Exception {
        Policy off = local(Policy.defaults(), "ocr: off\n");
        assertTrue(off.ocr(), "scans stay read");
        assertEquals(List.of("ocr: off"), ignored(off));
        Policy on = local(org("ocr: off\n"), "ocr: auto\n");
        assertTrue(on.ocr());
        assertEquals(List.of(), ignored(on));
        assertFalse(local(org("ocr: off\n"), "marking: mandatory\n").ocr(), "unsaid, the policy above's stands");
        assertFalse(local(org("ocr: auto\nlocal-policy: override\n"), "ocr: off\n").ocr(), "overrides when allowed");
    }

    @Test
    void whatTightensIsApplied() throws Exception {
        Policy upper = org("""
                marking: content
                rules: {pii.phone: off, hidden.content: info}
                include: ["docs/**"]
                channels: {email: {classified: allow}}
                schemes: {allow-long-term: true}
                """);
        Policy p = local(upper, """
                marking: mandatory
                rules: {pii.phone: warning, hidden.content: error}
                include: ["scans/**"]
                paths: [{path: "secret/**", at-least: 机密}]
                sensitive: {words: {秘密: [试验基地]}, codenames: [长城工程]}
                channels: {email: {classified: block}, usb: {ledger: required}}
                schemes: {allow-long-term: false}
                """);
        assertEquals(List.of(), ignored(p));
        assertEquals(MarkingMode.MANDATORY, p.mode());
        assertTrue(p.enabled("pii.phone"));
        assertEquals(Optional.of(Severity.ERROR), p.severity("hidden.content", Severity.WARNING));
        assertTrue(p.selects("docs/a.md") && p.selects("scans/b.pdf") && !p.selects("other/c.md"),
                "an include list only grows");
        assertEquals(1, p.paths().size());
        assertEquals(List.of("长城工程"), p.codenames());
        assertEquals(1, p.terms().size());
        assertFalse(p.channels().get("email").classified());
        assertTrue(p.channels().get("usb").ledger());
        assertFalse(p.allowLongTerm());
        assertNotEquals(upper.fingerprint(), p.fingerprint(), "caches see the change");
        assertEquals("org.yml", p.source(), "the organisation's policy stays the one in force");
    }

    @Test
    void aLocalPolicyUsesTheLevelsOfThePolicyAbove() throws Exception {
        Policy upper = org("schemes: {custom: [{name: company, levels: [核心秘密, 一般秘密]}]}\n");
        Policy p = local(upper, "paths: [{path: \"hr/**\", at-least: 一般秘密}]\n");
        assertEquals("一般秘密", p.paths().get(0).atLeast().orElseThrow().name());
        assertThrows(PolicyException.class, () -> local(Policy.defaults(), "paths: [{path: a, at-least: 一般秘密}]\n"));
    }

    @Test
    void whereTheOrganisationAllowsItALocalPolicyOverridesKeyByKey() throws Exception {
        Policy upper = org("""
                local-policy: override
                rules: {pii.phone: error}
                suppressions: [{path: "old/**", rule: marking.missing, reason: archived}]
                """);
        Policy p = local(upper, """
                rules: {pii.phone: off}
                marking: content
                exclude: ["drafts/**"]
                suppressions: [{path: "legacy/**", rule: marking.missing, reason: scanned}]
                """);
        assertEquals(List.of(), ignored(p));
        assertEquals(PolicySource.Role.LOCAL_OVERRIDE, p.sources().get(1).role());
        assertFalse(p.enabled("pii.phone"));
        assertEquals(MarkingMode.CONTENT, p.mode());
        assertFalse(p.selects("drafts/a.md"));
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertTrue(p.suppression("marking.missing", "old/a.md", day).isPresent());
        assertTrue(p.suppression("marking.missing", "legacy/a.md", day).isPresent());
    }

    @Test
    void aLocalPolicyMayReportPseudonymsMoreSeverelyButNotSilenceThem() throws Exception {
        Policy upper = org("declass: {pseudonyms: warning}\n");
        assertEquals(Optional.of(Severity.ERROR), local(upper, "declass: {pseudonyms: error}\n").pseudonyms());
        Policy quieter = local(upper, "declass: {pseudonyms: off}\n");
        assertEquals(Optional.of(Severity.WARNING), quieter.pseudonyms());
        assertEquals(List.of("declass.pseudonyms: off"), ignored(quieter));
        assertEquals(Optional.of(Severity.INFO), local(Policy.defaults(), "declass: {pseudonyms: info}\n").pseudonyms(),
                "turning the report on tightens");
        Policy overridden = local(org("local-policy: override\ndeclass: {pseudonyms: error}\n"),
                "declass: {pseudonyms: off}\n");
        assertEquals(Optional.empty(), overridden.pseudonyms());
    }

    @Test
    void anEmptyLocalPolicyChangesNothingButIsNamed() throws Exception {
        Policy p = local(Policy.defaults(), "");
        assertEquals(Policy.defaults().severities(), p.severities());
        assertEquals(2, p.sources().size());
        assertEquals(dir.resolve("marking.yml").toString(), p.sources().get(1).file());
    }

    /** Issue 18: less time for a file is stricter (never a way to hang a scan); more is ignored and named. */
    @Test
    void aLocalFileMayShortenTheTimeLimitForAFileButNotLengthenIt() throws Exception {
        assertEquals(Optional.of(Duration.ofSeconds(30)), local(Policy.defaults(), "file-time-limit: 30\n").fileTimeLimit());
        Policy longer = local(Policy.defaults(), "file-time-limit: 3600\n");
        assertEquals(Optional.empty(), longer.fileTimeLimit(), "the built-in five minutes stay");
        assertEquals(List.of("file-time-limit: 3600"), ignored(longer));
        Policy underOrg = local(org("file-time-limit: 10\n"), "file-time-limit: 60s\n");
        assertEquals(Optional.of(Duration.ofSeconds(10)), underOrg.fileTimeLimit());
        assertEquals(List.of("file-time-limit: 60"), ignored(underOrg));
        assertEquals(Optional.of(Duration.ofSeconds(60)), local(org("file-time-limit: 10\nlocal-policy: override\n"),
                "file-time-limit: 60\n").fileTimeLimit(), "overrides when allowed");
    }
}
