package dev.marking.core.rules.content;

import dev.marking.core.format.Interruption;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Level;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.marking.InconsistentMarkingRule;
import dev.marking.core.rules.marking.MissingMarkingRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body says what level it needs: a statement such as 本文件属机密, or a sensitive word or secret
 * point (密点) that policy ties to a level. A mark below that level is {@code marking.inconsistent};
 * with content-triggered marking, an unmarked document is {@code marking.missing}.
 */
public final class ContentLevelRule implements Rule {

    private static final Pattern STATEMENT = Pattern.compile(
            "本(?:文件|文|件|材料|资料|报告|通知|纪要|方案)(?:内容)?\\s*(?:属于|属|为|系|定为|列为|确定为)\\s*(?:国家)?"
            + "(?<level>绝密|机密|秘密)(?:级)?");

    private final MarkingParser parser;
    private final List<LevelTerm> terms;
    private final MarkingMode mode;

    public ContentLevelRule(MarkingParser parser, List<LevelTerm> terms, MarkingMode mode) {
        this.parser = parser;
        this.terms = List.copyOf(terms);
        this.mode = mode;
    }

    @Override
    public RuleDescriptor descriptor() {
        return InconsistentMarkingRule.DESCRIPTOR;
    }

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(InconsistentMarkingRule.DESCRIPTOR, MissingMarkingRule.DESCRIPTOR);
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Optional<Hit> hit = strongest(context);
        if (hit.isEmpty()) {
            return List.of();
        }
        Hit h = hit.get();
        Optional<Marking> marking = context.evidence().resolved();
        if (marking.isEmpty()) {
            if (mode != MarkingMode.CONTENT) {
                return List.of();
            }
            return List.of(context.finding(MissingMarkingRule.DESCRIPTOR, h.block().location().withColumn(h.column()),
                    h.evidence(), "content.needs-mark", h.evidence(), h.level().name()));
        }
        Level marked = marking.get().level();
        if (!marked.scheme().equals(h.level().scheme()) || marked.atLeast(h.level())) {
            return List.of();
        }
        return List.of(context.finding(InconsistentMarkingRule.DESCRIPTOR, h.block().location().withColumn(h.column()),
                h.evidence(), "content.higher", h.evidence(), h.level().name(), marking.get().mark()));
    }

    private Optional<Hit> strongest(RuleContext context) {
        List<Hit> hits = new ArrayList<>();
        for (TextBlock b : context.model().body()) {
            Interruption.check();
            String folded = context.fold(b.text());
            Matcher m = STATEMENT.matcher(folded);
            while (m.find()) {
                String name = m.group("level");
                parser.level(name).ifPresent(l -> hits.add(new Hit(l, b, m.start() + 1, b.text().substring(m.start(),
                        m.end()))));
            }
            for (LevelTerm t : terms) {
                String term = context.fold(t.term());
                int i = folded.indexOf(term);
                if (i >= 0) {
                    hits.add(new Hit(t.level(), b, i + 1, b.text().substring(i, i + term.length())));
                }
            }
        }
        return hits.stream().min(Comparator.comparingInt(h -> h.level().rank()));
    }

    private record Hit(Level level, TextBlock block, int column, String evidence) {
    }
}
