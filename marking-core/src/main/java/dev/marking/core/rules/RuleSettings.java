package dev.marking.core.rules;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.content.LevelTerm;
import dev.marking.core.rules.content.PathRule;
import java.util.List;
import java.util.Optional;

/**
 * What rules may be configured with: the schemes in force and the settings a policy gives them. Rules
 * see these values, never the policy itself.
 *
 * @param parser    the mark parser (schemes in force)
 * @param mode      mandatory or content-triggered marking
 * @param terms     sensitive words and secret points with the level each requires
 * @param paths     levels required by folder
 * @param codenames an organisation's codenames, also placeholders' real names
 * @param pseudonyms severity of lawful personal-name pseudonyms ({@code 张某}); empty: not reported
 * @param seal       which levels must be signed and whose signatures are trusted
 */
public record RuleSettings(MarkingParser parser, MarkingMode mode, List<LevelTerm> terms, List<PathRule> paths,
        List<String> codenames, Optional<Severity> pseudonyms, SealSettings seal) {

    /** Settings without seal requirements. */
    public RuleSettings(MarkingParser parser, MarkingMode mode, List<LevelTerm> terms, List<PathRule> paths,
            List<String> codenames, Optional<Severity> pseudonyms) {
        this(parser, mode, terms, paths, codenames, pseudonyms, SealSettings.NONE);
    }

    public RuleSettings {
        terms = List.copyOf(terms);
        paths = List.copyOf(paths);
        codenames = List.copyOf(codenames);
    }

    /** Mandatory marking and nothing else configured. */
    public static RuleSettings defaults(MarkingParser parser) {
        return new RuleSettings(parser, MarkingMode.MANDATORY, List.of(), List.of(), List.of(), Optional.empty());
    }
}
