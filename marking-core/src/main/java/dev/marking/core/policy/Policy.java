package dev.marking.core.policy;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.io.Glob;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Script;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleSettings;
import dev.marking.core.rules.SealSettings;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.rules.content.LevelTerm;
import dev.marking.core.rules.content.PathRule;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated, immutable policy: which schemes and rules are in force, how severe, what paths and
 * content require, which channels accept what, and which findings are accepted. Built by
 * {@link PolicyLoader}; {@link #defaults()} is the built-in policy.
 *
 * @param source         the policy file, or {@code built-in}
 * @param schemes        schemes in force (built-in ones enabled plus custom ones)
 * @param allowLongTerm  whether 长期 is allowed for 绝密
 * @param mode           mandatory or content-triggered marking
 * @param script         the script marks are canonical in and stamped in ({@code marking.script})
 * @param severities     per-rule severity overrides; an empty value turns the rule off
 * @param paths          path rules
 * @param terms          sensitive words and secret points (密点) with the level each requires
 * @param codenames      an organisation's codenames; fake de-classification looks for them too
 * @param pseudonyms     the severity at which {@code declass.fake} reports lawful de-identification (张某某, 李X,
 *                       masked plates and accounts, a judgment's anonymised parties); empty: not reported
 * @param channels       channel rules by name
 * @param suppressions   accepted findings
 * @param include        globs of files to check when walking folders (empty: every supported file)
 * @param exclude        globs of files to skip when walking folders
 * @param ocr            {@code ocr: auto} (true): pages without text of their own are read by OCR where
 *                       Tesseract is installed; {@code ocr: off} (false): they are reported unread
 * @param fingerprint    a hash of the policy's content, for caches
 * @param local          what a {@code marking.yml} found in a scanned folder may do to this policy
 *                       ({@code local-policy})
 * @param sources        the policy files this policy was made of, with whose each is (reports name them)
 * @param seal           seals ({@code seal}: which levels must be signed, whose signatures are trusted, and the
 *                       algorithm of detached signatures)
 * @param fileTimeLimit  the time one file may take to be read and checked ({@code file-time-limit}); empty:
 *                       {@link #DEFAULT_FILE_TIME_LIMIT} ({@code MARKING_FILE_TIME_LIMIT} overrides either for one run)
 */
public record Policy(String source, List<Scheme> schemes, boolean allowLongTerm, MarkingMode mode, Script script,
        Map<String, Optional<Severity>> severities, List<PathRule> paths, List<LevelTerm> terms, List<String> codenames,
        Optional<Severity> pseudonyms, Map<String, ChannelRule> channels, List<Suppression> suppressions,
        List<Glob> include, List<Glob> exclude, boolean ocr, String fingerprint, Local local, List<PolicySource> sources,
        SealSettings seal, Optional<Duration> fileTimeLimit) {

    /** Five minutes for one file: far beyond any real document without OCR, enough for a scanned one with it. */
    public static final Duration DEFAULT_FILE_TIME_LIMIT = Duration.ofMinutes(5);

    /** What a policy found in a scanned folder may do to the policy in force ({@code local-policy}). */
    public enum Local {
        /** Only tighten it: raise severities, add path rules, sensitive words and includes (the default). */
        TIGHTEN,
        /** Override it key by key, as if the organisation had written it (suppressions, excludes, lower severities). */
        OVERRIDE
    }

    public Policy {
        schemes = List.copyOf(schemes);
        severities = Map.copyOf(severities);
        paths = List.copyOf(paths);
        terms = List.copyOf(terms);
        codenames = List.copyOf(codenames);
        channels = Map.copyOf(channels);
        suppressions = List.copyOf(suppressions);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        sources = List.copyOf(sources);
    }

    /** The built-in policy: every built-in scheme, mandatory marking, DESIGN §1.7 channels. */
    public static Policy defaults() {
        return new Policy("built-in", Scheme.BUILT_IN, true, MarkingMode.MANDATORY, Script.SIMPLIFIED, Map.of(),
                List.of(), List.of(), List.of(), Optional.empty(), defaultChannels(), List.of(), List.of(), List.of(),
                true, "built-in", Local.TIGHTEN, List.of(PolicySource.builtIn()), SealSettings.NONE, Optional.empty());
    }

    /**
     * DESIGN §1.7: classified (state) documents only by courier or crypto-fax with a ledger entry, or printed; 绝密
     * by no electronic channel (email, im, netdisk, usb, fax, crypto-fax) whatever a policy allows them.
     */
    public static Map<String, ChannelRule> defaultChannels() {
        Set<String> state = Set.of("state");
        Set<String> topSecret = Set.of("绝密");
        return Map.of(
                "email", new ChannelRule("email", false, state, false, topSecret),
                "im", new ChannelRule("im", false, state, false, topSecret),
                "netdisk", new ChannelRule("netdisk", false, state, false, topSecret),
                "post", new ChannelRule("post", false, state, false),
                "usb", new ChannelRule("usb", false, state, false, topSecret),
                "fax", new ChannelRule("fax", false, state, false, topSecret),
                "crypto-fax", new ChannelRule("crypto-fax", true, state, true, topSecret),
                "courier", new ChannelRule("courier", true, state, true),
                "print", new ChannelRule("print", true, state, false));
    }

    /** This policy as the one {@code role} gave (its single source re-labelled: a project's own, an organisation's). */
    public Policy as(PolicySource.Role role) {
        return new Policy(source, schemes, allowLongTerm, mode, script, severities, paths, terms, codenames, pseudonyms,
                channels, suppressions, include, exclude, ocr, fingerprint, local,
                List.of(new PolicySource(source, role, List.of())), seal, fileTimeLimit);
    }

    /** A parser that knows this policy's schemes and takes marks in its script as canonical. */
    public MarkingParser parser() {
        return new MarkingParser(schemes, allowLongTerm, script);
    }

    /** What the rules are configured with under this policy. */
    public RuleSettings ruleSettings() {
        return new RuleSettings(parser(), mode, terms, paths, codenames, pseudonyms, seal);
    }

    /**
     * The rules of {@code registry} configured by this policy, leaving out those whose every id is turned off. A
     * rule with several ids still runs while one is on; findings under an id turned off are dropped
     * when the policy is applied to them.
     */
    public List<Rule> rules(RuleRegistry registry) {
        return registry.rules(ruleSettings()).stream()
                .filter(r -> r.descriptors().stream().anyMatch(d -> enabled(d.id()))).toList();
    }

    /** How adapters read pages without text of their own under this policy, in this process's environment. */
    public OcrSettings ocrSettings() {
        return OcrSettings.fromEnvironment(ocr);
    }

    /** The severity of {@code ruleId} under this policy; empty when the rule is off. */
    public Optional<Severity> severity(String ruleId, Severity defaultSeverity) {
        return severities.getOrDefault(ruleId, Optional.of(defaultSeverity));
    }

    /** True when {@code ruleId} is not turned off. */
    public boolean enabled(String ruleId) {
        return severities.getOrDefault(ruleId, Optional.of(Severity.ERROR)).isPresent();
    }

    /** The suppression covering a finding, if any. */
    public Optional<Suppression> suppression(String ruleId, String relativePath, LocalDate today) {
        return suppressions.stream().filter(s -> s.covers(ruleId, relativePath, today)).findFirst();
    }

    /** True when a walked file at {@code relativePath} is to be checked. */
    public boolean selects(String relativePath) {
        boolean in = include.isEmpty() || include.stream().anyMatch(g -> g.matches(relativePath));
        return in && exclude.stream().noneMatch(g -> g.matches(relativePath));
    }
}
