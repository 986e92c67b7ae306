package dev.marking.core.rules.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.TextBlock;
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
import org.junit.jupiter.params.provider.ValueSource;

class HiddenContentRuleTest {

    private final HiddenContentRule rule = new HiddenContentRule();

    static List<Finding> check(HiddenContentRule rule, String lang, HiddenItem... items) {
        ReadModel m = new ReadModel(Path.of("a.docx"), "docx", "section", List.of(),
                List.of(new TextBlock("正文", Location.body(1))), List.of(), Map.of(), List.of(items));
        return rule.check(new RuleContext(m, MarkingEvidence.of(m, MarkingParser.standard()), LocalDate.now(),
                Messages.forLang(lang)));
    }

    @Test
    void positiveTrackedDeletionKeepsTextAndLocation() {
        Location at = Location.body(2).withColumn(3);
        List<Finding> f = check(rule, "en", new HiddenItem("deletion", "酒泉基地", at));
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

    @ParameterizedTest
    @ValueSource(strings = {"deletion", "insertion", "comment", "hidden-text", "custom-xml", "property", "alt-text",
        "embedded-object", "attachment", "javascript", "hidden-layer"})
    void everyKnownKindHasItsOwnMessageInBothLanguages(String kind) {
        HiddenItem item = new HiddenItem(kind, "内容", Location.part(kind));
        String en = check(rule, "en", item).get(0).message();
        String zh = check(rule, "zh", item).get(0).message();
        assertTrue(en.contains("'内容'") && !en.startsWith("hidden."), en);
        assertTrue(zh.contains("「内容」") && !zh.startsWith("hidden."), zh);
    }

    @Test
    void unknownKindGetsTheGenericMessage() {
        String m = check(rule, "en", new HiddenItem("vba-macro", "Sub X()", Location.part("vba"))).get(0).message();
        assertEquals("hidden content (vba-macro) is in the file: 'Sub X()'", m);
    }

    @Test
    void binaryObjectWithoutTextHasNoEvidence() {
        Finding f = check(rule, "zh", new HiddenItem("embedded-object", "", Location.part("object"))).get(0);
        assertNull(f.evidence());
        assertTrue(f.message().contains("「无文字」"), f.message());
    }

    @Test
    void longTextIsShortenedInTheMessageButKeptAsEvidence() {
        String text = "很长的批注".repeat(30);
        Finding f = check(rule, "en", new HiddenItem("comment", text, Location.part("comment"))).get(0);
        assertEquals(text, f.evidence());
        assertTrue(f.message().contains("…"), f.message());
    }

    @Test
    void manyItemsOfOneKindAreListedUpToTenThenCounted() {
        HiddenItem[] items = new HiddenItem[25];
        for (int i = 0; i < items.length; i++) {
            items[i] = new HiddenItem("insertion", "插入" + i, Location.body(i + 1));
        }
        List<Finding> f = check(rule, "en", items);
        assertEquals(11, f.size());
        assertEquals("15 more hidden items of kind insertion are in the file, from here on", f.get(10).message());
        assertEquals(Location.body(11), f.get(10).location());
        assertNull(f.get(10).evidence());
    }

    @Test
    void coveredTextIsLeftToRedactionFake() {
        assertEquals(List.of(), check(rule, "en", new HiddenItem("covered-text", "秘密", Location.page(1))));
    }

    @Test
    void negativeRedactionKindsAreLeftToRedactionFake() {
        assertEquals(List.of(), check(rule, "en", new HiddenItem("covered-text", "31681部队", Location.page(1)),
                new HiddenItem("earlier-revision", "31681部队", Location.page(1))));
    }
}
