package dev.marking.core.rules.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.text.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HiddenContentRuleTest {

    private final HiddenContentRule rule = new HiddenContentRule();

    static List<Finding> check(HiddenContentRule rule, String lang, HiddenItem... items) {
        ReadModel m = new ReadModel(Path.of("a.docx"), "docx", Unit.SECTION, List.of(),
                List.of(new TextBlock("正文", Location.body(1))), List.of(), Map.of(), List.of(items));
        return rule.check(new RuleContext(m, MarkingEvidence.of(m, MarkingParser.standard()), LocalDate.now(),
                Messages.forLang(lang)));
    }

    @Test
    void positiveTrackedDeletionKeepsTextAndLocation() {
        Location at = Location.body(2).withColumn(3);
        List<Finding> f = check(rule, "en", new HiddenItem(HiddenKind.DELETION, "酒泉基地", at));
        assertEquals(1, f.size());
        assertEquals("hidden.content", f.get(0).rule());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals(at, f.get(0).location());
        assertEquals("酒泉基地", f.get(0).evidence());
        assertTrue(f.get(0).message().contains("tracked deletion"), f.get(0).message());
    }

    @Test
    void negativeNoHiddenItemsNoFindings() {
        assertEquals(List.of(), check(rule, "en"));
    }

    /** Every kind (the enum is closed, so a new kind fails here until it has its messages). */
    @ParameterizedTest
    @EnumSource(value = HiddenKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"COVERED_TEXT", "EARLIER_REVISION"})
    void everyKindHasItsOwnMessageInBothLanguages(HiddenKind kind) {
        HiddenItem item = new HiddenItem(kind, "内容", Location.part(kind.id()));
        String en = check(rule, "en", item).get(0).message();
        String zh = check(rule, "zh", item).get(0).message();
        assertTrue(en.contains("'内容'") && !en.startsWith("hidden."), en);
        assertTrue(zh.contains("「内容」") && !zh.startsWith("hidden."), zh);
    }

    @Test
    void binaryObjectWithoutTextHasNoEvidence() {
        Finding f = check(rule, "zh", new HiddenItem(HiddenKind.EMBEDDED_OBJECT, "", Location.part("object"))).get(0);
        assertNull(f.evidence());
        assertTrue(f.message().contains("「无文字」"), f.message());
    }

    @Test
    void longTextIsShortenedInTheMessageButKeptAsEvidence() {
        String text = "很长的批注".repeat(30);
        Finding f = check(rule, "en", new HiddenItem(HiddenKind.COMMENT, text, Location.part("comment"))).get(0);
        assertEquals(text, f.evidence());
        assertTrue(f.message().contains("…"), f.message());
    }

    @Test
    void manyItemsOfOneKindAreListedUpToTenThenCounted() {
        HiddenItem[] items = new HiddenItem[25];
        for (int i = 0; i < items.length; i++) {
            items[i] = new HiddenItem(HiddenKind.INSERTION, "插入" + i, Location.body(i + 1));
        }
        List<Finding> f = check(rule, "en", items);
        assertEquals(11, f.size());
        assertEquals("15 more hidden items of kind insertion are in the file, from here on", f.get(10).message());
        assertEquals(Location.body(11), f.get(10).location());
        assertNull(f.get(10).evidence());
    }

    @Test
    void coveredTextIsLeftToRedactionFake() {
        assertEquals(List.of(), check(rule, "en", new HiddenItem(HiddenKind.COVERED_TEXT, "秘密", Location.page(1))));
    }

    @Test
    void negativeRedactionKindsAreLeftToRedactionFake() {
        assertEquals(List.of(), check(rule, "en", new HiddenItem(HiddenKind.COVERED_TEXT, "31681部队", Location.page(1)),
                new HiddenItem(HiddenKind.EARLIER_REVISION, "31681部队", Location.page(1))));
    }
}
