package dev.marking.core.rules.declass;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private final DeclassLexicon lexicon;
    private final PlaceholderScanner scanner;
    private final RealNameFinder realNames;

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
        this(DeclassLexicon.standard().with(Map.of(), List.of(), secretPoints));
    }

    public FakeDeclassificationRule(DeclassLexicon lexicon) {
        this.lexicon = lexicon;
        this.scanner = new PlaceholderScanner(lexicon);
        this.realNames = new RealNameFinder(lexicon);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Block> blocks = blocks(context);
        List<Block> nameSources = new ArrayList<>(blocks);
        for (HiddenItem h : context.model().hidden()) {
            if (h.text() != null && !h.text().isBlank()) {
                nameSources.add(block(context, new TextBlock(h.text(), h.location())));
            }
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, List<RealName>> names = new HashMap<>();
        Map<String, Finding> sameEvidence = new HashMap<>();
        boolean markdown = isMarkdown(context.model());
        boolean classified = context.evidence().resolved().map(m -> m.level().classified()).orElse(false);
        for (Block b : blocks) {
            String text = b.block().text();
            for (Placeholder p : scanner.scanFolded(b.folded(), markdown)) {
                String evidence = text.substring(p.start(), p.end());
                Location at = b.block().location().withColumn(p.start() + 1);
                Finding first = sameEvidence.computeIfAbsent(evidence, e -> finding(context, nameSources, names, p, e, at));
                findings.add(first.location().equals(at) ? first
                        : new Finding(first.rule(), first.severity(), first.message(), at, evidence));
            }
            if (!classified) {
                secretPoints(context, b, findings); // in a classified document a codename is where it belongs
            }
        }
        return findings;
    }

    /** In Markdown source, {@code **word**} is emphasis, never a masked name. */
    private static boolean isMarkdown(ReadModel model) {
        String name = model.path().getFileName() == null ? "" : model.path().getFileName().toString();
        return "markdown".equals(model.format()) || name.endsWith(".md") || name.endsWith(".markdown");
    }

    /**
     * The finding for one placeholder; the message names the real name when the document still has it,
     * visibly or in hidden content (a tracked deletion, a comment).
     */
    private Finding finding(RuleContext context, List<Block> blocks, Map<String, List<RealName>> names, Placeholder p,
            String evidence, Location at) {
        if (p.term() != null && p.category().named()) {
            List<RealName> real = names.computeIfAbsent(p.term(), t -> realNames.find(blocks, t, p.category()));
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
                findings.add(context.finding(DESCRIPTOR, b.block().location().withColumn(p + 1), evidence, SECRET_POINT,
                        evidence));
            }
        }
    }

    private static String messageKey(Placeholder p) {
        return p.category() == Category.QUANTITY ? FIGURE : p.kind().messageKey();
    }

    /** Body text, then header and footer text (each distinct running text once: it repeats on every page). */
    private static List<Block> blocks(RuleContext context) {
        List<Block> out = new ArrayList<>();
        context.model().body().forEach(b -> out.add(block(context, b)));
        Set<String> seen = new HashSet<>();
        for (RunningSlot slot : context.model().slots()) {
            for (List<TextBlock> part : List.of(slot.header(), slot.footer())) {
                for (TextBlock b : part) {
                    if (seen.add(b.text())) {
                        out.add(block(context, b));
                    }
                }
            }
        }
        return out;
    }

    /** A block with the text the scanner matches on: script- and width-folded, X look-alikes folded. */
    private static Block block(RuleContext context, TextBlock b) {
        return new Block(b, PlaceholderScanner.fold(context.fold(b.text())));
    }
}
