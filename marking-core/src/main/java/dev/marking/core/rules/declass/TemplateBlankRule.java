package dev.marking.core.rules.declass;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code declass.template}: fill-in blanks of a form, template or contract ({@code 第XX条}, {@code 处以XX元罚款},
 * {@code ××省××市}, {@code 20XX年} beside 填写 or 模板). They hide nothing, so they are not fake de-classification;
 * a document that still has them was perhaps sent out unfinished, which is worth a note (info by default).
 */
public final class TemplateBlankRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("declass.template", Severity.INFO,
            "Fill-in blanks of a form or template (第XX条, XX元, 20XX年 beside 填写): not fake de-classification");

    private final DeclassLexicon lexicon;
    private final PlaceholderScanner scanner;

    public TemplateBlankRule() {
        this(DeclassLexicon.standard());
    }

    public TemplateBlankRule(DeclassLexicon lexicon) {
        this.lexicon = lexicon;
        this.scanner = new PlaceholderScanner(lexicon);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (DocumentPlaceholders.Found found : DocumentPlaceholders.of(context.model(), scanner, lexicon).found()) {
            Placeholder p = found.placeholder();
            if (p.use() == PlaceholderUse.TEMPLATE) {
                String evidence = found.block().block().text().substring(p.start(), p.end());
                Location at = DocumentPlaceholders.at(found.block().block(), p.start());
                out.add(context.finding(DESCRIPTOR, at, evidence, "declass.template", evidence));
            }
        }
        return out;
    }
}
