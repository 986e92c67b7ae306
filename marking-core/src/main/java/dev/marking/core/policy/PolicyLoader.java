package dev.marking.core.policy;

import dev.marking.core.io.FileKind;
import dev.marking.core.io.Glob;
import dev.marking.core.model.Level;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Script;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.rules.content.LevelTerm;
import dev.marking.core.rules.content.PathRule;
import dev.marking.core.text.Digests;
import dev.marking.core.text.Seconds;
import dev.marking.core.format.SealKey;
import dev.marking.core.rules.SealSettings;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code marking.yml} into a raw YAML tree, then validates it once into an immutable {@link Policy}.
 * Every unknown key or bad value is an error naming the file, line and key.
 */
public final class PolicyLoader {

    /** The policy file looked for in the scanned root. */
    public static final String FILE_NAME = "marking.yml";
    /** Environment variable naming a policy file. */
    public static final String ENV = "MARKING_POLICY";

    private static final Set<String> TOP = Set.of("version", "schemes", "marking", "marking.script", "rules", "paths",
            "sensitive", "declass", "channels", "suppressions", "include", "exclude", "local-policy", "ocr", "seal",
            "seal.required", "seal.trust", "seal.algorithm", "file-time-limit");
    private static final Set<String> SEAL = Set.of("required", "trust", "algorithm");
    private static final Set<String> MARKING = Set.of("mode", "script");
    private static final Set<String> DECLASS = Set.of("pseudonyms");
    private static final List<String> SEVERITIES = List.of("error", "warning", "info", "off");
    private static final Set<String> SCHEMES = Set.of("enabled", "allow-long-term", "custom", "aliases");
    private static final Set<String> CUSTOM = Set.of("name", "levels", "max-terms", "unclassified");
    private static final Set<String> PATH = Set.of("path", "at-least", "must-be");
    private static final Set<String> SENSITIVE = Set.of("words", "secret-points", "codenames");
    private static final Set<String> CHANNEL = Set.of("classified", "ledger", "schemes", "levels");
    private static final Set<String> SUPPRESSION = Set.of("path", "rule", "reason", "until");

    private PolicyLoader() {
    }

    /**
     * The policy in force for a run over {@code root}: the organisation's — {@code explicit} (from {@code --policy}),
     * else {@code $MARKING_POLICY}, else {@link Policy#defaults()} — with {@code marking.yml} in {@code root} (or the
     * folder of a file) on top as a local policy, which only tightens it unless the organisation's policy says
     * {@code local-policy: override} (see {@link LocalPolicy}).
     */
    public static Policy find(Path explicit, String env, Path root) throws PolicyException {
        return withLocal(organisation(explicit, env).orElse(Policy.defaults()), root);
    }

    private static Policy withLocal(Policy organisation, Path root) throws PolicyException {
        Optional<Path> local = inFolder(root);
        return local.isPresent() && !same(local.get(), organisation) ? LocalPolicy.apply(organisation, local.get())
                : organisation;
    }

    /**
     * The policy in force for a build in {@code projectFolder}: as {@link #find}, except that when no organisation
     * policy is given the project's own {@code marking.yml} (beside its POM, as much the build's configuration as
     * the POM) is the policy, with full authority.
     */
    public static Policy findForProject(Path explicit, String env, Path projectFolder) throws PolicyException {
        Optional<Policy> organisation = organisation(explicit, env);
        if (organisation.isPresent()) {
            return withLocal(organisation.get(), projectFolder);
        }
        Optional<Path> own = inFolder(projectFolder);
        return own.isPresent() ? load(own.get()).as(PolicySource.Role.PROJECT) : Policy.defaults();
    }

    private static Optional<Policy> organisation(Path explicit, String env) throws PolicyException {
        if (explicit != null) {
            return Optional.of(load(explicit));
        }
        Optional<String> named = organisationFile(null, env);
        return named.isPresent() ? Optional.of(load(Path.of(named.get()))) : Optional.empty();
    }

    /**
     * The organisation's policy file a run names: {@code explicit} ({@code --policy}) when given, else {@code env}
     * (the value of {@value #ENV}) unless blank; empty for the built-in policy. Shells that read the file themselves,
     * from any file system, pick it by this rule too.
     */
    public static Optional<String> organisationFile(String explicit, String env) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    private static Optional<Path> inFolder(Path root) {
        if (root == null) {
            return Optional.empty();
        }
        Path folder = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
        Path file = folder == null ? null : folder.resolve(FILE_NAME);
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** True when {@code file} is the file {@code policy} was read from (given as --policy and found in the folder). */
    private static boolean same(Path file, Policy policy) {
        if (policy.source().equals("built-in")) {
            return false;
        }
        try {
            return Files.isSameFile(file, Path.of(policy.source()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads and validates a policy file. */
    public static Policy load(Path file) throws PolicyException {
        String text = text(file);
        return parse(file.toString(), text, fingerprint(text));
    }

    /** A short hash of a policy's text, for caches. */
    static String fingerprint(String text) {
        return Digests.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The text of a policy file; only a regular file is opened (a named pipe would block). */
    static String text(Path file) throws PolicyException {
        byte[] bytes;
        try {
            FileKind kind = FileKind.of(file);
            if (kind != FileKind.REGULAR) {
                throw new PolicyException(file + ": cannot read the policy: " + (kind == FileKind.MISSING
                        ? "no such file" : "not a regular file (" + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ")"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read the policy: " + e.getMessage(), e);
        }
        return text(file.toString(), bytes);
    }

    /** Reads and validates the content of a policy file named {@code name} (read by the caller from wherever it is). */
    public static Policy read(String name, byte[] bytes) throws PolicyException {
        String text = text(name, bytes);
        return parse(name, text, fingerprint(text));
    }

    static String text(String name, byte[] bytes) throws PolicyException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(name + ": the policy is not UTF-8 text", e);
        }
    }

    /** Validates policy text; {@code name} appears in error messages. */
    public static Policy parse(String name, String text, String fingerprint) throws PolicyException {
        return layer(name, text, fingerprint, null).policy();
    }

    /**
     * A policy file as one layer over {@code base} (null: over nothing): its schemes and channels start from the
     * base's, so its levels and channel settings mean the same; everything else holds only what the file says.
     */
    static Layer layer(String name, String text, String fingerprint, Policy base) throws PolicyException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PolicyException(name + ":" + line + ": not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException | IllegalArgumentException e) {
            // SnakeYAML's Tag refuses a malformed tag (`!%2`: a broken %-escape) with the latter
            throw new PolicyException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        Builder builder = new Builder(new YamlNodes(name), name, fingerprint, base);
        return new Layer(root == null ? builder.empty() : builder.build(root), builder.declared);
    }

    /**
     * One policy file read as a layer.
     *
     * @param policy   what it says, over its base
     * @param declared the keys it sets ({@code rules}, {@code marking.mode}, {@code schemes.custom}, …)
     */
    record Layer(Policy policy, Set<String> declared) {
    }

    /** One validation pass over the raw tree. */
    private static final class Builder {
        private final YamlNodes y;
        private final String name;
        private final String fingerprint;
        private List<Scheme> schemes = new ArrayList<>(Scheme.BUILT_IN);
        private boolean allowLongTerm = true;
        private MarkingMode mode = MarkingMode.MANDATORY;
        private Script script = Script.SIMPLIFIED;
        private boolean ocr = true;
        private final Map<String, Optional<Severity>> severities = new HashMap<>();
        private final List<PathRule> paths = new ArrayList<>();
        private final List<LevelTerm> terms = new ArrayList<>();
        private final List<String> codenames = new ArrayList<>();
        private Optional<Severity> pseudonyms = Optional.empty();
        private final Map<String, ChannelRule> channels = new LinkedHashMap<>(Policy.defaultChannels());
        private final List<Suppression> suppressions = new ArrayList<>();
        private final List<Glob> include = new ArrayList<>();
        private final List<Glob> exclude = new ArrayList<>();
        private Policy.Local local = Policy.Local.TIGHTEN;
        private final Set<String> declared = new TreeSet<>();
        private SealSettings seal = SealSettings.NONE;
        private Optional<Duration> fileTimeLimit = Optional.empty();

        Builder(YamlNodes y, String name, String fingerprint, Policy base) {
            this.y = y;
            this.name = name;
            this.fingerprint = fingerprint;
            if (base != null) {
                schemes = new ArrayList<>(base.schemes());
                allowLongTerm = base.allowLongTerm();
                channels.putAll(base.channels());
            }
        }

        Policy empty() {
            return policy();
        }

        Policy build(Node root) throws PolicyException {
            Map<String, Node> top = y.mapping(root, "", TOP);
            declared.addAll(top.keySet());
            if (top.containsKey("local-policy")) {
                local = Policy.Local.valueOf(y.choice(top.get("local-policy"), "local-policy",
                        List.of("tighten", "override")).toUpperCase(Locale.ROOT));
            }
            if (top.containsKey("version")) {
                y.choice(top.get("version"), "version", List.of("1"));
            }
            if (top.containsKey("schemes")) {
                schemes(top.get("schemes"));
            }
            if (top.containsKey("marking")) {
                marking(top.get("marking"));
            }
            if (top.containsKey("marking.script")) {
                script = script(top.get("marking.script"), "marking.script");
            }
            if (top.containsKey("rules")) {
                rules(top.get("rules"));
            }
            if (top.containsKey("paths")) {
                for (Node n : y.sequence(top.get("paths"), "paths")) {
                    paths.add(pathRule(n));
                }
            }
            if (top.containsKey("sensitive")) {
                sensitive(top.get("sensitive"));
            }
            if (top.containsKey("declass")) {
                Map<String, Node> m = y.mapping(top.get("declass"), "declass", DECLASS);
                if (m.containsKey("pseudonyms")) {
                    pseudonyms = severity(m.get("pseudonyms"), "declass.pseudonyms");
                }
            }
            if (top.containsKey("channels")) {
                channels(top.get("channels"));
            }
            if (top.containsKey("suppressions")) {
                for (Node n : y.sequence(top.get("suppressions"), "suppressions")) {
                    suppressions.add(suppression(n));
                }
            }
            globs(top.get("include"), "include", include);
            globs(top.get("exclude"), "exclude", exclude);
            if (top.containsKey("ocr")) {
                ocr = y.choice(top.get("ocr"), "ocr", List.of("auto", "off")).equals("auto");
            }
            if (top.containsKey("file-time-limit")) {
                fileTimeLimit = Optional.of(fileTimeLimit(top.get("file-time-limit")));
            }
            seal(top);
            return policy();
        }

        private Policy policy() {
            return new Policy(name, schemes, allowLongTerm, mode, script, severities, paths, terms, codenames,
                    pseudonyms, channels, suppressions, include, exclude, ocr, fingerprint, local,
                    List.of(new PolicySource(name, PolicySource.Role.ORGANISATION, List.of())), seal, fileTimeLimit);
        }

        /** {@code file-time-limit: 300} (seconds; also {@code 90s}, {@code 0.5}): the time one file may take. */
        private Duration fileTimeLimit(Node node) throws PolicyException {
            String v = y.scalar(node, "file-time-limit");
            return Seconds.parse(v).orElseThrow(() -> y.error(node, "file-time-limit",
                    "expected a number of seconds above 0 (300, 90s, 0.5), not '" + v + "'"));
        }

        /**
         * {@code seal: {required: 秘密, trust: [certs/office.pem], algorithm: sm2}} or the same keys as
         * {@code seal.required} …; trusted certificates are PEM files, relative to the policy's folder.
         */
        private void seal(Map<String, Node> top) throws PolicyException {
            Map<String, Node> keys = new LinkedHashMap<>();
            if (top.containsKey("seal")) {
                keys.putAll(y.mapping(top.get("seal"), "seal", SEAL));
            }
            for (String k : SEAL) {
                if (top.containsKey("seal." + k)) {
                    if (keys.containsKey(k)) {
                        throw y.error(top.get("seal." + k), "seal." + k, "given twice (seal: and seal." + k + ")");
                    }
                    keys.put(k, top.get("seal." + k));
                }
            }
            if (keys.isEmpty()) {
                return;
            }
            declared.add("seal");
            Optional<Level> required = keys.containsKey("required")
                    ? Optional.of(level(keys.get("required"), "seal.required")) : Optional.empty();
            List<X509Certificate> trust = new ArrayList<>();
            if (keys.containsKey("trust")) {
                for (String file : y.strings(keys.get("trust"), "seal.trust")) {
                    trust.addAll(certificates(keys.get("trust"), file));
                }
            }
            String algorithm = keys.containsKey("algorithm")
                    ? y.choice(keys.get("algorithm"), "seal.algorithm", SealKey.ALGORITHMS) : "default";
            seal = new SealSettings(required, trust, algorithm);
        }

        /** The certificates of one PEM file of {@code seal.trust}. */
        private List<X509Certificate> certificates(Node node, String file) throws PolicyException {
            Path base = Path.of(name).toAbsolutePath().getParent();
            Path pem;
            try {
                Path given = Path.of(file);
                pem = (base == null || given.isAbsolute() ? given : base.resolve(given)).normalize();
                if (!given.isAbsolute() && base != null && !pem.startsWith(base.normalize())) {
                    // a policy dropped into a scanned tree must not make the tool read files elsewhere
                    throw y.error(node, "seal.trust", file + ": a relative path must stay inside the policy's folder; "
                            + "give a certificate outside it by its absolute path");
                }
            } catch (java.nio.file.InvalidPathException e) {
                throw y.error(node, "seal.trust", "not a file name: " + file);
            }
            if (!Files.isRegularFile(pem)) {
                throw y.error(node, "seal.trust", "cannot read the certificate " + pem + ": not a regular file");
            }
            try (java.io.InputStream in = Files.newInputStream(pem)) {
                List<X509Certificate> out = new ArrayList<>();
                CertificateFactory x509 = CertificateFactory.getInstance("X.509", SealKey.bouncyCastle());
                for (java.security.cert.Certificate c : x509.generateCertificates(in)) {
                    out.add((X509Certificate) c);
                }
                if (out.isEmpty()) {
                    throw y.error(node, "seal.trust", file + ": no certificate in the file");
                }
                return out;
            } catch (IOException | java.security.cert.CertificateException e) {
                throw y.error(node, "seal.trust", "cannot read the certificate " + pem + ": " + e.getMessage());
            }
        }

        /** {@code marking: mandatory|content}, or {@code marking: {mode: content, script: traditional}}. */
        private void marking(Node node) throws PolicyException {
            if (!(node instanceof MappingNode)) {
                mode = mode(node, "marking");
                declared.add("marking.mode");
                return;
            }
            Map<String, Node> m = y.mapping(node, "marking", MARKING);
            m.keySet().forEach(k -> declared.add("marking." + k));
            if (m.containsKey("mode")) {
                mode = mode(m.get("mode"), "marking.mode");
            }
            if (m.containsKey("script")) {
                script = script(m.get("script"), "marking.script");
            }
        }

        private MarkingMode mode(Node node, String key) throws PolicyException {
            return MarkingMode.valueOf(y.choice(node, key, List.of("mandatory", "content")).toUpperCase(Locale.ROOT));
        }

        private Script script(Node node, String key) throws PolicyException {
            return Script.valueOf(y.choice(node, key, List.of("simplified", "traditional")).toUpperCase(Locale.ROOT));
        }

        private void schemes(Node node) throws PolicyException {
            Map<String, Node> m = y.mapping(node, "schemes", SCHEMES);
            m.keySet().forEach(k -> declared.add("schemes." + k));
            if (m.containsKey("allow-long-term")) {
                allowLongTerm = y.bool(m.get("allow-long-term"), "schemes.allow-long-term");
            }
            if (m.containsKey("enabled")) {
                List<String> ids = Scheme.BUILT_IN.stream().map(Scheme::id).toList();
                List<Scheme> enabled = new ArrayList<>();
                for (Node n : y.sequence(m.get("enabled"), "schemes.enabled")) {
                    String id = y.choice(n, "schemes.enabled", ids);
                    enabled.add(Scheme.BUILT_IN.get(ids.indexOf(id)));
                }
                schemes = enabled;
            }
            if (m.containsKey("custom")) {
                for (Node n : y.sequence(m.get("custom"), "schemes.custom")) {
                    schemes.add(customScheme(n));
                }
            }
            if (m.containsKey("aliases")) {
                aliases(m.get("aliases"));
            }
        }

        private Scheme customScheme(Node node) throws PolicyException {
            Map<String, Node> m = y.mapping(node, "schemes.custom", CUSTOM);
            String key = "schemes.custom";
            if (!m.containsKey("name") || !m.containsKey("levels")) {
                throw y.error(node, key, "a custom scheme needs name and levels");
            }
            String id = y.text(m.get("name"), key + ".name");
            if (schemes.stream().anyMatch(s -> s.id().equals(id))) {
                throw y.error(m.get("name"), key + ".name", "scheme " + id + " is already defined");
            }
            List<String> levels = y.strings(m.get("levels"), key + ".levels");
            List<Integer> max = new ArrayList<>();
            if (m.containsKey("max-terms")) {
                for (Node n : y.sequence(m.get("max-terms"), key + ".max-terms")) {
                    max.add(positive(n, key + ".max-terms"));
                }
                if (max.size() > levels.size()) {
                    throw y.error(m.get("max-terms"), key + ".max-terms", "more terms than levels");
                }
            }
            List<String> unclassified = m.containsKey("unclassified")
                    ? y.strings(m.get("unclassified"), key + ".unclassified") : List.of();
            return Scheme.of(id, levels, max, unclassified, Map.of());
        }

        private void aliases(Node node) throws PolicyException {
            Map<String, Node> m = y.mapping(node, "schemes.aliases", null);
            for (Map.Entry<String, Node> e : m.entrySet()) {
                String target = y.text(e.getValue(), "schemes.aliases." + e.getKey());
                int i = indexOfSchemeWith(target);
                if (i < 0) {
                    throw y.error(e.getValue(), "schemes.aliases." + e.getKey(), "unknown level " + target);
                }
                Scheme s = schemes.get(i);
                Map<String, String> a = new HashMap<>(s.aliases());
                a.put(e.getKey(), target);
                schemes.set(i, new Scheme(s.id(), s.levels(), a));
            }
        }

        private int indexOfSchemeWith(String level) {
            for (int i = 0; i < schemes.size(); i++) {
                if (schemes.get(i).level(level).isPresent()) {
                    return i;
                }
            }
            return -1;
        }

        private void rules(Node node) throws PolicyException {
            Map<String, Node> m = y.mapping(node, "rules", Set.copyOf(RuleRegistry.standard().ids()));
            for (Map.Entry<String, Node> e : m.entrySet()) {
                severities.put(e.getKey(), severity(e.getValue(), "rules." + e.getKey()));
            }
        }

        /** error | warning | info | off (empty). */
        private Optional<Severity> severity(Node node, String key) throws PolicyException {
            String v = y.choice(node, key, SEVERITIES);
            return "off".equals(v) ? Optional.empty() : Optional.of(Severity.valueOf(v.toUpperCase(Locale.ROOT)));
        }

        private PathRule pathRule(Node node) throws PolicyException {
            Map<String, Node> m = y.mapping(node, "paths", PATH);
            if (!m.containsKey("path")) {
                throw y.error(node, "paths", "each entry needs a path");
            }
            if (m.containsKey("at-least") == m.containsKey("must-be")) {
                throw y.error(node, "paths", "each entry needs exactly one of at-least or must-be");
            }
            Glob glob = glob(m.get("path"), y.text(m.get("path"), "paths.path"), "paths.path");
            Optional<Level> atLeast = m.containsKey("at-least") ? Optional.of(level(m.get("at-least"), "paths.at-least"))
                    : Optional.empty();
            Optional<Level> mustBe = m.containsKey("must-be") ? Optional.of(level(m.get("must-be"), "paths.must-be"))
                    : Optional.empty();
            return new PathRule(glob, atLeast, mustBe, YamlNodes.line(node));
        }

        private void sensitive(Node node) throws PolicyException {
            Map<String, Node> m = y.mapping(node, "sensitive", SENSITIVE);
            levelTerms(m.get("words"), "sensitive.words", false);
            levelTerms(m.get("secret-points"), "sensitive.secret-points", true);
            if (m.containsKey("codenames")) {
                codenames.addAll(y.strings(m.get("codenames"), "sensitive.codenames"));
            }
        }

        private void levelTerms(Node node, String key, boolean secretPoint) throws PolicyException {
            if (node == null) {
                return;
            }
            for (Map.Entry<String, Node> e : y.mapping(node, key, null).entrySet()) {
                Level level = levelNamed(e.getKey(), e.getValue(), key);
                for (String t : y.strings(e.getValue(), key + "." + e.getKey())) {
                    terms.add(new LevelTerm(t, level, secretPoint));
                }
            }
        }

        private void channels(Node node) throws PolicyException {
            for (Map.Entry<String, Node> e : y.mapping(node, "channels", Set.copyOf(ChannelRule.NAMES)).entrySet()) {
                String key = "channels." + e.getKey();
                Map<String, Node> m = y.mapping(e.getValue(), key, CHANNEL);
                ChannelRule base = channels.get(e.getKey());
                boolean classified = m.containsKey("classified")
                        ? "allow".equals(y.choice(m.get("classified"), key + ".classified", List.of("allow", "block")))
                        : base.classified();
                boolean ledger = m.containsKey("ledger")
                        ? "required".equals(y.choice(m.get("ledger"), key + ".ledger", List.of("required", "optional")))
                        : base.ledger();
                Set<String> blocked = base.blockedSchemes();
                if (m.containsKey("schemes")) {
                    List<String> ids = schemes.stream().map(Scheme::id).toList();
                    List<String> chosen = new ArrayList<>();
                    for (Node n : y.sequence(m.get("schemes"), key + ".schemes")) {
                        chosen.add(y.choice(n, key + ".schemes", ids));
                    }
                    blocked = Set.copyOf(chosen);
                }
                Set<String> levels = base.blockedLevels();
                if (m.containsKey("levels")) {
                    List<String> names = schemes.stream().flatMap(s -> s.levels().stream()).map(Level::name).distinct()
                            .toList();
                    List<String> chosen = new ArrayList<>();
                    for (Node n : y.sequence(m.get("levels"), key + ".levels")) {
                        chosen.add(y.choice(n, key + ".levels", names));
                    }
                    levels = Set.copyOf(chosen);
                }
                channels.put(e.getKey(), new ChannelRule(e.getKey(), classified, blocked, ledger, levels));
            }
        }

        private Suppression suppression(Node node) throws PolicyException {
            Map<String, Node> m = y.mapping(node, "suppressions", SUPPRESSION);
            for (String required : List.of("path", "rule", "reason")) {
                if (!m.containsKey(required)) {
                    throw y.error(node, "suppressions." + required, "required (a suppression must say why)");
                }
            }
            List<String> ids = new ArrayList<>(RuleRegistry.standard().ids());
            ids.add("*");
            String rule = y.choice(m.get("rule"), "suppressions.rule", ids);
            Optional<LocalDate> until = Optional.empty();
            if (m.containsKey("until")) {
                String v = y.text(m.get("until"), "suppressions.until");
                try {
                    until = Optional.of(LocalDate.parse(v));
                } catch (DateTimeParseException e) {
                    throw y.error(m.get("until"), "suppressions.until", "expected a date YYYY-MM-DD, not '" + v + "'");
                }
            }
            return new Suppression(glob(m.get("path"), y.text(m.get("path"), "suppressions.path"), "suppressions.path"), rule,
                    y.text(m.get("reason"), "suppressions.reason"), until, YamlNodes.line(node));
        }

        private void globs(Node node, String key, List<Glob> out) throws PolicyException {
            if (node != null) {
                for (String g : y.strings(node, key)) {
                    out.add(glob(node, g, key));
                }
            }
        }

        private Glob glob(Node node, String pattern, String key) throws PolicyException {
            try {
                return new Glob(pattern);
            } catch (IllegalArgumentException e) {
                throw y.error(node, key, e.getMessage());
            }
        }

        private Level level(Node node, String key) throws PolicyException {
            return levelNamed(y.text(node, key), node, key);
        }

        private Level levelNamed(String levelName, Node node, String key) throws PolicyException {
            for (Scheme s : schemes) {
                Optional<Level> l = s.level(levelName);
                if (l.isPresent()) {
                    return l.get();
                }
            }
            throw y.error(node, key, "unknown level '" + levelName + "' in the enabled schemes");
        }

        private int positive(Node node, String key) throws PolicyException {
            String v = y.scalar(node, key).strip();
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                throw y.error(node, key, "expected a positive number of years, not '" + v + "'");
            }
            throw y.error(node, key, "expected a positive number of years, not '" + v + "'");
        }
    }
}
