package dev.marking.core.rules.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
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

class FakeRedactionRuleTest {

    private final FakeRedactionRule rule = new FakeRedactionRule();

    private List<Finding> check(String lang, HiddenItem... items) {
        ReadModel m = new ReadModel(Path.of("a.pdf"), "pdf", Unit.PAGE, List.of(), List.of(), List.of(), Map.of(),
                List.of(items));
        return rule.check(new RuleContext(m, MarkingEvidence.of(m, MarkingParser.standard()), LocalDate.now(),
                Messages.forLang(lang)));
    }

    @Test
    void positiveTextUnderABoxIsAnError() {
        Location at = new Location("body", 0, 2, 0, 5, 12);
        List<Finding> f = check("zh", new HiddenItem(HiddenKind.COVERED_TEXT, "31681部队", at));
        assertEquals(1, f.size());
        assertEquals("redaction.fake", f.get(0).rule());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(at, f.get(0).location());
        assertEquals("31681部队", f.get(0).evidence());
        assertTrue(f.get(0).message().contains("「31681部队」"), f.get(0).message());
    }

    @Test
    void negativeABoxOverWhitespaceIsNothing() {
        assertEquals(List.of(), check("en", new HiddenItem(HiddenKind.COVERED_TEXT, "  \n ", Location.page(1))));
    }

    @Test
    void negativeOtherHiddenKindsAreHiddenContentNotRedaction() {
        assertEquals(List.of(), check("en", new HiddenItem(HiddenKind.COMMENT, "批注", Location.part("comment")),
                new HiddenItem(HiddenKind.HIDDEN_TEXT, "隐藏", Location.body(1))));
    }

    @Test
    void positiveTextRemovedByALaterRevisionIsAnError() {
        Location at = new Location("earlier-revision", 0, 1, 0, 2, 0);
        List<Finding> f = check("en", new HiddenItem(HiddenKind.EARLIER_REVISION, "Unit 31681", at));
        assertEquals(1, f.size());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(at, f.get(0).location());
        assertTrue(f.get(0).message().contains("earlier revision"), f.get(0).message());
    }
}
