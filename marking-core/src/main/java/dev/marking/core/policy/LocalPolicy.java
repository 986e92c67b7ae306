package dev.marking.core.policy;

import dev.marking.core.io.Glob;
import dev.marking.core.model.Level;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.rules.SealSettings;
import dev.marking.core.text.Digests;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@code marking.yml} found in a scanned folder, put on top of the policy in force. Whoever can drop a file into
 * the folder writes it, so by default it may only make the check stricter: raise severities (or turn a rule on),
 * require {@code marking: mandatory}, forbid 长期, report pseudonyms more severely ({@code declass.pseudonyms}), add
 * path rules, sensitive words, secret points and codenames, block channels or require the ledger, widen a narrowed
 * include, switch OCR on ({@code ocr: auto}) and give a file less time ({@code file-time-limit}). Everything else it
 * asks for — excludes, suppressions, lower severities, content-triggered marking, other schemes or script, a narrower
 * include, {@code ocr: off}, more time for a file — is ignored and named in every report. Where the organisation's
 * policy says {@code local-policy: override}, the local file
 * overrides it key by key instead (lists are appended, maps merged entry by entry).
 */
public final class LocalPolicy {

    private static final Map<String, Severity> DEFAULTS = RuleRegistry.standard().catalogue().stream()
            .collect(Collectors.toMap(RuleDescriptor::id, RuleDescriptor::defaultSeverity));

    private LocalPolicy() {
    }

    /** {@code upper} with the policy file {@code file} on top, as {@code upper.local()} allows. */
    public static Policy apply(Policy upper, Path file) throws PolicyException {
        return apply(upper, file.toString(), PolicyLoader.text(file));
    }

    /**
     * {@code upper} with the policy file {@code name}, read by the caller as {@code bytes} (from any file system),
     * on top, as {@link #apply(Policy, Path)} puts a local file.
     */
    public static Policy apply(Policy upper, String name, byte[] bytes) throws PolicyException {
        return apply(upper, name, PolicyLoader.text(name, bytes));
    }

    private static Policy apply(Policy upper, String name, String text) throws PolicyException {
        PolicyLoader.Layer layer = PolicyLoader.layer(name, text, PolicyLoader.fingerprint(text), upper);
        return upper.local() == Policy.Local.OVERRIDE ? override(upper, layer, name) : tighten(upper, layer, name);
    }

    static Policy tighten(Policy o, PolicyLoader.Layer layer, String file) {
        Policy l = layer.policy();
        Set<String> declared = layer.declared();
        List<String> ignored = new ArrayList<>();
        Map<String, Optional<Severity>> severities = new HashMap<>(o.severities());
        for (Map.Entry<String, Optional<Severity>> e : new TreeMap<>(l.severities()).entrySet()) {
            Optional<Severity> theirs = o.severity(e.getKey(), DEFAULTS.getOrDefault(e.getKey(), Severity.ERROR));
            int by = rank(e.getValue()) - rank(theirs);
            if (by > 0) {
                severities.put(e.getKey(), e.getValue());
            } else if (by < 0) {
                ignored.add("rules." + e.getKey() + ": " + e.getValue().map(Severity::id).orElse("off"));
            }
        }
        MarkingMode mode = o.mode();
        if (declared.contains("marking.mode") && l.mode() != o.mode()) {
            if (l.mode() == MarkingMode.MANDATORY) {
                mode = MarkingMode.MANDATORY;
            } else {
                ignored.add("marking.mode: " + l.mode().name().toLowerCase(Locale.ROOT));
            }
        }
        if (declared.contains("marking.script") && l.script() != o.script()) {
            ignored.add("marking.script: " + l.script().name().toLowerCase(Locale.ROOT));
        }
        boolean allowLongTerm = o.allowLongTerm() && l.allowLongTerm();
        if (l.allowLongTerm() && !o.allowLongTerm()) {
            ignored.add("schemes.allow-long-term: true");
        }
        for (String key : List.of("schemes.enabled", "schemes.custom", "schemes.aliases")) {
            if (declared.contains(key)) {
                ignored.add(key);
            }
        }
        Optional<Severity> pseudonyms = o.pseudonyms();
        if (declared.contains("declass")) {
            int by = rank(l.pseudonyms()) - rank(o.pseudonyms());
            if (by > 0) {
                pseudonyms = l.pseudonyms();
            } else if (by < 0) {
                ignored.add("declass.pseudonyms: " + l.pseudonyms().map(Severity::id).orElse("off"));
            }
        }
        Map<String, ChannelRule> channels = channels(o, l, ignored);
        if (declared.contains("suppressions")) {
            ignored.add("suppressions (" + l.suppressions().size() + ")");
        }
        List<Glob> include = new ArrayList<>(o.include());
        if (declared.contains("include") && o.include().isEmpty()) {
            ignored.add("include (the policy above checks every file)");
        } else {
            include.addAll(l.include());
        }
        if (declared.contains("exclude")) {
            ignored.add("exclude");
        }
        if (declared.contains("local-policy")) {
            ignored.add("local-policy");
        }
        boolean ocr = o.ocr();
        if (declared.contains("ocr") && l.ocr() != o.ocr()) {
            if (l.ocr()) {
                ocr = true;
            } else {
                ignored.add("ocr: off");
            }
        }
        Optional<Duration> fileTimeLimit = shorter(o, l, declared, ignored);
        return new Policy(o.source(), o.schemes(), allowLongTerm, mode, o.script(), severities, concat(o.paths(), l.paths()),
                concat(o.terms(), l.terms()), concat(o.codenames(), l.codenames()), pseudonyms, channels, o.suppressions(),
                include, o.exclude(), ocr, fingerprint(o, l, "tighten"), o.local(),
                sources(o, file, PolicySource.Role.LOCAL, ignored), tightened(o.seal(), l.seal()),
                fileTimeLimit);
    }

    static Policy override(Policy o, PolicyLoader.Layer layer, String file) {
        Policy l = layer.policy();
        Set<String> declared = layer.declared();
        Map<String, Optional<Severity>> severities = new HashMap<>(o.severities());
        severities.putAll(l.severities());
        boolean schemes = declared.stream().anyMatch(k -> k.startsWith("schemes."));
        List<String> ignored = declared.contains("local-policy") ? List.of("local-policy") : List.of();
        return new Policy(o.source(), schemes ? l.schemes() : o.schemes(), declared.contains("schemes.allow-long-term")
                ? l.allowLongTerm() : o.allowLongTerm(), declared.contains("marking.mode") ? l.mode() : o.mode(),
                declared.contains("marking.script") ? l.script() : o.script(), severities, concat(o.paths(), l.paths()),
                concat(o.terms(), l.terms()), concat(o.codenames(), l.codenames()),
                declared.contains("declass") ? l.pseudonyms() : o.pseudonyms(), l.channels(),
                concat(o.suppressions(), l.suppressions()), concat(o.include(), l.include()),
                concat(o.exclude(), l.exclude()), declared.contains("ocr") ? l.ocr() : o.ocr(),
                fingerprint(o, l, "override"), o.local(),
                sources(o, file, PolicySource.Role.LOCAL_OVERRIDE, ignored), declared.contains("seal") ? l.seal() : o.seal(),
                declared.contains("file-time-limit") ? l.fileTimeLimit() : o.fileTimeLimit());
    }

    /**
     * Seals a local policy may only tighten: a lower required level (more documents signed), a trust list where the
     * organisation has none; the organisation's algorithm.
     */
    private static SealSettings tightened(SealSettings o, SealSettings l) {
        Optional<Level> required = o.required();
        if (l.required().isPresent() && (required.isEmpty()
                || required.get().scheme().equals(l.required().get().scheme())
                && required.get().atLeast(l.required().get()))) {
            required = l.required();
        }
        return new SealSettings(required, o.trust().isEmpty() ? l.trust() : o.trust(), o.algorithm());
    }

    /** A local {@code file-time-limit} below the one in force (less time for a file: never a way to hang a scan). */
    private static Optional<Duration> shorter(Policy o, Policy l, Set<String> declared, List<String> ignored) {
        if (!declared.contains("file-time-limit")) {
            return o.fileTimeLimit();
        }
        Duration mine = l.fileTimeLimit().orElseThrow();
        if (mine.compareTo(o.fileTimeLimit().orElse(Policy.DEFAULT_FILE_TIME_LIMIT)) < 0) {
            return l.fileTimeLimit();
        }
        ignored.add("file-time-limit: " + BigDecimal.valueOf(mine.toNanos(), 9).stripTrailingZeros().toPlainString());
        return o.fileTimeLimit();
    }

    /** Per channel: blocked stays blocked, a required ledger stays required, blocked schemes only grow. */
    private static Map<String, ChannelRule> channels(Policy o, Policy l, List<String> ignored) {
        Map<String, ChannelRule> out = new LinkedHashMap<>();
        for (String name : new TreeSet<>(o.channels().keySet())) {
            ChannelRule theirs = o.channels().get(name);
            ChannelRule mine = l.channels().getOrDefault(name, theirs);
            if (mine.classified() && !theirs.classified()) {
                ignored.add("channels." + name + ".classified: allow");
            }
            if (!mine.ledger() && theirs.ledger()) {
                ignored.add("channels." + name + ".ledger: optional");
            }
            if (!mine.blockedSchemes().containsAll(theirs.blockedSchemes())) {
                ignored.add("channels." + name + ".schemes");
            }
            if (!mine.blockedLevels().containsAll(theirs.blockedLevels())) {
                ignored.add("channels." + name + ".levels");
            }
            Set<String> blocked = new HashSet<>(theirs.blockedSchemes());
            blocked.addAll(mine.blockedSchemes());
            Set<String> levels = new HashSet<>(theirs.blockedLevels());
            levels.addAll(mine.blockedLevels());
            out.put(name, new ChannelRule(name, theirs.classified() && mine.classified(), blocked,
                    theirs.ledger() || mine.ledger(), levels));
        }
        return out;
    }

    /** Off below info below warning below error. */
    private static int rank(Optional<Severity> s) {
        return s.map(v -> Severity.values().length - v.ordinal()).orElse(0);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String fingerprint(Policy o, Policy l, String how) {
        return Digests.sha256((o.fingerprint() + "+" + how + ":" + l.fingerprint()).getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    private static List<PolicySource> sources(Policy o, String file, PolicySource.Role role, List<String> ignored) {
        List<PolicySource> out = new ArrayList<>(o.sources());
        out.add(new PolicySource(file, role, ignored));
        return out;
    }
}
