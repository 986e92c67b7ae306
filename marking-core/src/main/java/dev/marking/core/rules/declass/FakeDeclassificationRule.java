package dev.marking.core.rules.declass;

import dev.marking.core.format.Interruption;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.declass.RealNameFinder.Block;
import dev.marking.core.rules.declass.RealNameFinder.RealName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code declass.fake}: names of units, places, people, projects, equipment and figures replaced by
 * letters or symbols (假脱密, DESIGN §1.5) — {@code XX部队}, {@code A基地}, {@code 某型号}, {@code X月X日} —
 * and placeholders whose real name is still written elsewhere in the same document.
 */
public final class FakeDeclassificationRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("declass.fake", Severity.ERROR,
            "Names, places and figures replaced by letters or symbols instead of being de-classified (假脱密)");

    static final String INCOMPLETE = "declass.fake.incomplete";
    static final String FIGURE = "declass.fake.figure";
    static final String SECRET_POINT = "declass.secret-point";
    static final String PSEUDONYM = "declass.fake.pseudonym";

    private final DeclassLexicon lexicon;
    private final PlaceholderScanner scanner;
    private final RealNameFinder realNames;
    private final Optional<Severity> pseudonyms;

    /** The rule with the built-in lexicon. */
    public FakeDeclassificationRule() {
        this(DeclassLexicon.standard());
    }

    /**
     * The rule with an organisation's secret points and codenames (密点, 代号, e.g. a policy's {@code codenames}):
     * they count as sensitive context for placeholders, and each one written in a document that is not
     * marked at a classified level is a finding.
     */
    public FakeDeclassificationRule(Collection<String> secretPoints) {
        this(DeclassLexicon.standard().with(Map.of(), List.of(), secretPoints), Optional.empty());
    }

    public FakeDeclassificationRule(DeclassLexicon lexicon) {
        this(lexicon, Optional.empty());
    }

    /**
     * The rule reporting lawful de-identification too ({@code 张某某}, {@code 李X}, masked plates and accounts,
     * a judgment's anonymised parties) at {@code pseudonyms}; empty leaves them out, as by default.
     */
    public FakeDeclassificationRule(DeclassLexicon lexicon, Optional<Severity> pseudonyms) {
        this.lexicon = lexicon;
        this.scanner = new PlaceholderScanner(lexicon);
        this.realNames = new RealNameFinder(lexicon);
        this.pseudonyms = pseudonyms;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        DocumentPlaceholders doc = DocumentPlaceholders.of(context.model(), scanner, lexicon);
        List<Finding> findings = new ArrayList<>();
        Map<String, Category> terms = new HashMap<>();
        for (DocumentPlaceholders.Found found : doc.found()) {
            Placeholder p = found.placeholder();
            if (p.use() == PlaceholderUse.CONCEALMENT && p.term() != null && p.category().named()) {
                terms.putIfAbsent(p.term(), p.category());
            }
        }
        Map<String, List<RealName>> names = terms.isEmpty() ? Map.of() : realNames.find(doc, terms);
        Map<String, Finding> sameEvidence = new HashMap<>();
        for (DocumentPlaceholders.Found found : doc.found()) {
            Placeholder p = found.placeholder();
            boolean deIdentified = p.use() == PlaceholderUse.DE_IDENTIFICATION;
            if (p.use() == PlaceholderUse.TEMPLATE || deIdentified && pseudonyms.isEmpty()) {
                continue;
            }
            Block b = found.block();
            String evidence = b.block().text().substring(p.start(), p.end());
            Location at = DocumentPlaceholders.at(b.block(), p.start());
            Finding first = sameEvidence.computeIfAbsent(evidence, e -> deIdentified
                    ? context.finding(DESCRIPTOR, pseudonyms.get(), at, e, PSEUDONYM, e)
                    : finding(context, names, p, e, at));
            findings.add(first.location().equals(at) ? first
                    : new Finding(first.rule(), first.severity(), first.message(), at, evidence));
        }
        boolean classified = context.evidence().resolved().map(m -> m.level().classified()).orElse(false);
        if (!classified) {
            for (Block b : doc.blocks()) {
                Interruption.check();
                secretPoints(context, b, findings); // in a classified document a codename is where it belongs
            }
        }
        findings.sort(Comparator.comparing(Finding::location));
        return findings;
    }

    /**
     * The finding for one placeholder; the message names the real name when the document still has it,
     * visibly or in hidden content (a tracked deletion, a comment).
     */
    private static Finding finding(RuleContext context, Map<String, List<RealName>> names, Placeholder p, String evidence,
            Location at) {
        if (p.term() != null && p.category().named()) {
            List<RealName> real = names.getOrDefault(p.term(), List.of());
            Optional<RealName> other = real.stream().filter(r -> !r.text().equals(evidence)).findFirst();
            if (other.isPresent()) {
                return context.finding(DESCRIPTOR, at, evidence, INCOMPLETE, evidence, other.get().text(),
                        other.get().location().describe(context.messages()),
                        context.messages().format("declass.fix.incomplete"));
            }
        }
        return context.finding(DESCRIPTOR, at, evidence, messageKey(p), evidence,
                context.messages().format(p.category().messageKey()), context.messages().format("declass.fix"));
    }

    private void secretPoints(RuleContext context, Block b, List<Finding> findings) {
        for (String s : lexicon.secrets()) {
            String folded = PlaceholderScanner.fold(context.fold(s));
            for (int p = b.folded().indexOf(folded); p >= 0; p = b.folded().indexOf(folded, p + folded.length())) {
                String evidence = b.block().text().substring(p, p + folded.length());
                findings.add(context.finding(DESCRIPTOR, DocumentPlaceholders.at(b.block(), p), evidence, SECRET_POINT,
                        evidence));
            }
        }
    }

    private static String messageKey(Placeholder p) {
        return p.category() == Category.QUANTITY ? FIGURE : p.kind().messageKey();
    }
}
