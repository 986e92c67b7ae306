package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyException;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.presend.Decision;
import dev.marking.core.presend.PresendCheck;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Documents written in Traditional characters, end to end: verify, presend and the content rules (issue 14). */
class TraditionalScriptTest {

    @TempDir
    Path dir;

    private final Messages en = Messages.forLang("en");

    private static Policy policy(String yaml) throws PolicyException {
        return PolicyLoader.parse("marking.yml", yaml, Integer.toHexString(yaml.hashCode()));
    }

    private FileResult verify(Policy policy, String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        return Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(policy, LocalDate.of(2026, 12, 1), en))
                .check(file);
    }

    private static List<String> rules(FileResult r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    @ParameterizedTest(name = "presend email blocks 機密★5年 under marking: {0}")
    @ValueSource(strings = {"mandatory", "content"})
    void presendBlocksATraditionalClassifiedFileByEmailInBothModes(String mode) throws Exception {
        Policy policy = policy("marking: " + mode + "\n");
        Path file = Files.writeString(dir.resolve("t.txt"), "機密★5年\n\n關於某項工作的通知\n");
        Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(), ScanOptions.of(policy, LocalDate.now(), en));
        Decision d = new PresendCheck(policy, scanner, FormatRegistry.standard(), Optional.empty(), en).decide(file,
                "email");
        assertFalse(d.allowed(), () -> d.reasons().toString());
        assertEquals("channel.classified", d.reasons().get(0).rule());
        assertEquals("机密", d.marking().orElseThrow().level().name());
        Path simplified = Files.writeString(dir.resolve("s.txt"), "机密★5年\n\n关于某项工作的通知\n");
        assertFalse(new PresendCheck(policy, scanner, FormatRegistry.standard(), Optional.empty(), en)
                .decide(simplified, "email").allowed());
    }

    @Test
    void traditionalMarkIsReadAndReportedNoncanonicalWithTheSimplifiedForm() throws Exception {
        FileResult r = verify(Policy.defaults(), "t.txt", "機密★5年\n\n正文\n");
        assertEquals("机密★5年", r.marking().map(Marking::mark).orElseThrow());
        assertFalse(rules(r).contains("marking.missing"), rules(r)::toString);
        Finding f = r.findings().stream().filter(x -> x.rule().equals("marking.noncanonical")).findFirst().orElseThrow();
        assertEquals("機密★5年", f.evidence(), "evidence is quoted as written");
        assertTrue(f.message().contains("机密★5年"), f.message());
    }

    @Test
    void underATraditionalPolicyTheTraditionalMarkIsCanonicalAndTheSimplifiedOneIsNot() throws Exception {
        Policy trad = policy("marking.script: traditional\n");
        assertFalse(rules(verify(trad, "t.txt", "機密★5年\n\n正文\n")).contains("marking.noncanonical"));
        FileResult s = verify(trad, "s.txt", "机密★5年\n\n正文\n");
        Finding f = s.findings().stream().filter(x -> x.rule().equals("marking.noncanonical")).findFirst().orElseThrow();
        assertTrue(f.message().contains("機密★5年"), f.message());
    }

    @Test
    void traditionalTermTooLongAndImpossibleTermsAreInvalid() throws Exception {
        assertTrue(rules(verify(Policy.defaults(), "a.txt", "祕密★15年\n\n正文\n")).contains("marking.invalid"));
        for (String term : List.of("-1", "+5", "-5年", "0", "99999999999999999999", "2030-02-31")) {
            FileResult r = verify(Policy.defaults(), "b.txt", "机密★" + term + "\n\n正文\n");
            assertTrue(rules(r).contains("marking.invalid"), () -> term + ": " + rules(r));
            assertTrue(r.count(Severity.ERROR) > 0, () -> term + " must fail verify");
        }
    }

    @Test
    void labelledFormFieldsOnTwoLinesAreOneMarking() throws Exception {
        FileResult r = verify(Policy.defaults(), "f.txt", "密級：機密\n保密期限：5年\n\n正文\n");
        assertEquals("机密★5年", r.marking().map(Marking::mark).orElseThrow());
        assertFalse(rules(r).contains("marking.invalid"), rules(r)::toString);
        FileResult bad = verify(Policy.defaults(), "g.txt", "密级：机密\n保密期限：-1\n\n正文\n");
        assertTrue(rules(bad).contains("marking.invalid"), rules(bad)::toString);
    }

    @Test
    void contentLevelWordsAndSensitiveWordsInTraditionalNeedAMark() throws Exception {
        Policy content = policy("marking: content\nsensitive:\n  words: {秘密: [试验基地]}\n");
        FileResult statement = verify(content, "c.txt", "本文件屬機密，請妥善保管。\n");
        Finding f = statement.findings().stream().filter(x -> x.rule().equals("marking.missing")).findFirst()
                .orElseThrow(() -> new AssertionError(rules(statement)));
        assertEquals("本文件屬機密", f.evidence());
        FileResult word = verify(content, "w.txt", "明日前往試驗基地。\n");
        Finding w = word.findings().stream().filter(x -> x.rule().equals("marking.missing")).findFirst()
                .orElseThrow(() -> new AssertionError(rules(word)));
        assertEquals("試驗基地", w.evidence());
        FileResult lower = verify(content, "l.txt", "祕密★5年\n\n本文件屬機密。\n");
        assertTrue(rules(lower).contains("marking.inconsistent"), rules(lower)::toString);
    }

    @Test
    void fakeDeclassificationInTraditionalNamesTheWholePlaceholderAndItsCategory() throws Exception {
        FileResult r = verify(Policy.defaults(), "d.txt", "公開\n\nXX部隊於X月X日在A基地完成了某型導彈的試射。\n");
        List<Finding> fake = r.findings().stream().filter(x -> x.rule().equals("declass.fake")).toList();
        assertEquals(List.of("XX部隊", "X月X日", "A基地", "某型導彈"), fake.stream().map(Finding::evidence).toList());
        assertTrue(fake.get(0).message().contains("military unit"), fake.get(0).message());
    }
}
