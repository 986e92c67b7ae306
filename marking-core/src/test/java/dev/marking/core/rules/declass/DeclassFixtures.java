package dev.marking.core.rules.declass;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.text.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Read models built from plain sentences, one line each, and the rule's findings on them. */
final class DeclassFixtures {

    private DeclassFixtures() {
    }

    static ReadModel model(String... lines) {
        List<TextBlock> body = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            body.add(new TextBlock(lines[i], Location.line(i + 1, 0)));
        }
        return new ReadModel(Path.of("test.txt"), "text", Unit.FILE, List.of(), body, List.of(), Map.of(), List.of());
    }

    static RuleContext context(ReadModel model, String lang) {
        return new RuleContext(model, MarkingEvidence.of(model, MarkingParser.standard()), LocalDate.now(),
                Messages.forLang(lang));
    }

    static List<Finding> check(Rule rule, String... lines) {
        return rule.check(context(model(lines), "en"));
    }

    static List<String> evidence(Rule rule, String... lines) {
        return check(rule, lines).stream().map(Finding::evidence).toList();
    }
}
