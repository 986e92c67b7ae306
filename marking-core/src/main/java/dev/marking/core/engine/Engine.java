package dev.marking.core.engine;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.SealKey;
import dev.marking.core.io.FileKind;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerStore;
import dev.marking.core.ledger.RecipientList;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Handling;
import dev.marking.core.model.Level;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Message;
import dev.marking.core.model.ParsedMark;
import dev.marking.core.model.MarkingSpec;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Urgency;
import dev.marking.core.policy.ChannelRule;
import dev.marking.core.policy.LocalPolicy;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyException;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.presend.Decision;
import dev.marking.core.presend.PresendCheck;
import dev.marking.core.report.JsonReportWriter;
import dev.marking.core.report.ReportContext;
import dev.marking.core.report.ReportWriter;
import dev.marking.core.report.ReportWriters;
import dev.marking.core.report.SarifReportWriter;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.FileSelection;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Messages;
import dev.marking.core.trace.TraceResult;
import dev.marking.core.trace.Tracer;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The one API every shell (CLI, Maven plugin, bridge, Spark job) calls: request records in, results out. Shells
 * turn their parameters into a request and the result into an exit code, a build failure or an HTTP
 * answer; everything between — policies, file selection, scanning with its cache, baselines, report
 * writers, stamping, copies, pre-send and trace — happens here.
 */
public final class Engine {

    private final FormatRegistry formats;
    /** The rules, or null for the built-in ones until they are first needed (a stamp never needs them). */
    private RuleRegistry rules;
    private final String version;

    /** An engine over {@code formats} and {@code rules}; {@code version} is the tool version reports and caches name. */
    public Engine(FormatRegistry formats, RuleRegistry rules, String version) {
        this.formats = formats;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.version = version;
    }

    /** An engine over {@code formats} and the built-in rules, made when first needed. */
    public Engine(FormatRegistry formats, String version) {
        this.formats = formats;
        this.version = version;
    }

    /** The built-in formats and rules. */
    public static Engine standard(String version) {
        return new Engine(FormatRegistry.standard(), version);
    }

    private synchronized RuleRegistry rules() {
        if (rules == null) {
            rules = RuleRegistry.standard();
        }
        return rules;
    }

    public String version() {
        return version;
    }

    // ---- what exists, for help texts, defaults and the bridge -------------------------------------

    /** The ids of the formats ({@code docx}, {@code pdf}, {@code text}). */
    public List<String> formatIds() {
        return formats.formats().stream().map(f -> f.id()).toList();
    }

    /** Every file name extension a format reads, without the dot. */
    public List<String> extensions() {
        return formats.extensions();
    }

    /** {@code .docx, .pdf, .txt, .md, .markdown}. */
    public String extensionList() {
        return formats.extensionList();
    }

    /** Globs selecting every supported file under a folder ({@code **}{@code /*.docx}, …). */
    public List<String> includeGlobs() {
        return formats.includeGlobs();
    }

    /** The media type of a document by its name ({@code application/octet-stream} when no format claims it). */
    public String mediaType(String fileName) {
        return formats.mediaType(Path.of(fileName));
    }

    /** The report format ids ({@code text}, {@code json}, {@code sarif}, {@code checkstyle}). */
    public static List<String> reportFormats() {
        return ReportWriters.ids();
    }

    /** The channels a pre-send check knows, in a stable order. */
    public static List<String> channels() {
        return ChannelRule.NAMES;
    }

    /** One descriptor per rule id this engine may report. */
    public List<RuleDescriptor> ruleCatalogue() {
        return rules().catalogue();
    }

    /**
     * What a user interface needs to know of {@code policy} and this engine, as JSON-ready values: the
     * policy's source (a file name, never its folder), marking mode, schemes with their levels, channels,
     * and the formats and extensions documents may have.
     */
    public Map<String, Object> describe(Policy policy) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", policy.source().equals("built-in") ? "built-in"
                : String.valueOf(Path.of(policy.source()).getFileName()));
        root.put("mode", policy.mode().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> schemes = new ArrayList<>();
        for (Scheme s : policy.schemes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("levels", s.levels().stream().map(Engine::level).toList());
            schemes.add(m);
        }
        root.put("schemes", schemes);
        Map<String, Object> channels = new TreeMap<>();
        for (ChannelRule c : policy.channels().values()) {
            channels.put(c.name(), Map.of("classified", c.classified(), "ledger", c.ledger(),
                    "blockedSchemes", new TreeSet<>(c.blockedSchemes()), "blockedLevels", new TreeSet<>(c.blockedLevels())));
        }
        root.put("channels", channels);
        root.put("formats", formatIds());
        root.put("extensions", extensions());
        return root;
    }

    private static Map<String, Object> level(Level l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("classified", l.classified());
        m.put("maxYears", l.maxTermYears().orElse(null));
        return m;
    }

    // ---- input ------------------------------------------------------------------------------------

    /**
     * The policy in force for a run over {@code folder} (a folder, or a file whose folder counts): the organisation's
     * — {@code explicit} when given, else {@code $MARKING_POLICY}, else the built-in one — with a {@code marking.yml}
     * found in the folder on top, which may only tighten it unless the organisation's policy says
     * {@code local-policy: override}. Reports name every policy file applied and what a local one was refused.
     */
    public Policy policy(Path explicit, Path folder) throws EngineException {
        try {
            return PolicyLoader.find(explicit, System.getenv(PolicyLoader.ENV), folder);
        } catch (PolicyException e) {
            throw new EngineException("policy.invalid", e.getMessage(), e);
        }
    }

    /**
     * The organisation's policy file a run uses, as {@link #policy(Path, Path)} picks it: {@code explicit} when given,
     * else {@code $MARKING_POLICY} in {@code env} (the process's environment) unless blank; null for the built-in
     * policy. For shells that read the file themselves, from any file system.
     */
    public static String policyFile(String explicit, Map<String, String> env) {
        return PolicyLoader.organisationFile(explicit, env.get(PolicyLoader.ENV)).orElse(null);
    }

    /** The policy in {@code content}, a policy file named {@code name} read by the caller (from any file system). */
    public Policy policy(String name, byte[] content) throws EngineException {
        try {
            return PolicyLoader.read(name, content);
        } catch (PolicyException e) {
            throw new EngineException("policy.invalid", e.getMessage(), e);
        }
    }

    /**
     * {@code upper} with a local policy file on top, as {@link #policy(Path, Path)} puts the {@code marking.yml} of
     * the folder scanned: {@code name} is the file, {@code content} its bytes read by the caller (from any file
     * system). It may only tighten {@code upper} unless {@code upper} says {@code local-policy: override}.
     */
    public Policy localPolicy(Policy upper, String name, byte[] content) throws EngineException {
        try {
            return LocalPolicy.apply(upper, name, content);
        } catch (PolicyException e) {
            throw new EngineException("policy.invalid", e.getMessage(), e);
        }
    }

    /**
     * The policy in force for a build of the project in {@code projectFolder}: as {@link #policy}, except that with
     * no organisation policy given, the project's own {@code marking.yml} beside its POM is the policy (it is the
     * build's configuration, as the POM is), not a local one that may only tighten.
     */
    public Policy projectPolicy(Path explicit, Path projectFolder) throws EngineException {
        try {
            return PolicyLoader.findForProject(explicit, System.getenv(PolicyLoader.ENV), projectFolder);
        } catch (PolicyException e) {
            throw new EngineException("policy.invalid", e.getMessage(), e);
        }
    }

    /**
     * Which files a folder walk under {@code policy} picks, by their '/'-separated path under the folder: for
     * shells that list folders themselves, so they check what {@link #verify} would.
     */
    public Predicate<String> walkFilter(Policy policy) {
        FileSelection selection = new FileSelection(policy);
        return selection::walked;
    }

    /**
     * True when a folder walk goes into a folder named {@code name}; false for the version-control, IDE, dependency
     * and build folders it leaves out (and reports as skipped): for shells that list folders themselves.
     */
    public boolean walksInto(String name) {
        return !FileSelection.SKIPPED_FOLDERS.contains(name);
    }

    /**
     * True when a walk would open {@code local} (a regular file) or walk into it (a folder), following links; false
     * for a named pipe, device or socket, which opening could block on, and a link to nothing — each of which a walk
     * reports ({@link DocumentCheck#notRegular}) without opening it: for shells that list folders themselves, whose
     * file system may list such an entry as a file.
     */
    public boolean opens(Path local) {
        try {
            FileKind kind = FileKind.of(local);
            return kind == FileKind.REGULAR || kind == FileKind.FOLDER || kind == FileKind.MISSING;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The policy files {@code policy} was made of, as the JSON report lists them: {@code file}, {@code role}
     * ({@code built-in}, {@code organisation}, {@code local}…) and the keys of a local file that were {@code ignored}.
     */
    public List<Map<String, Object>> policyFiles(Policy policy) {
        return policy.sources().stream().map(JsonReportWriter::policy).toList();
    }

    /** The marking a user asked for, parsed with {@code policy}'s schemes (custom ones included). */
    public Marking marking(MarkingInput in, Policy policy, String lang) throws EngineException {
        return marking(in, policy, messages(lang));
    }

    private static Marking marking(MarkingInput in, Policy policy, Messages messages) throws EngineException {
        if (blank(in.level())) {
            throw refused(messages, "level.missing", "input.level-missing");
        }
        ParsedMark parsed = MarkingSpec.parse(policy.parser(), in.level(), in.term());
        if (!parsed.valid()) {
            Message why = parsed.errors().get(0);
            throw new EngineException("marking.invalid", messages.format(why.key(), why.args().toArray()));
        }
        Marking m = parsed.marking().orElseThrow();
        if (!blank(in.issued())) {
            try {
                m = m.withIssued(LocalDate.parse(in.issued().strip()));
            } catch (DateTimeParseException e) {
                throw refused(messages, "issued.invalid", "input.issued", in.issued());
            }
        }
        if (!blank(in.copy())) {
            m = m.withCopy(new CopyNumber(copyNumber(in.copy(), messages)));
        }
        if (!blank(in.urgency())) {
            Optional<Urgency> u = Urgency.parse(in.urgency().strip());
            if (u.isEmpty()) {
                throw refused(messages, "urgency.invalid", "input.urgency", in.urgency());
            }
            m = m.withUrgency(u.get());
        }
        if (!blank(in.scope()) || in.noReproduction()) {
            int bad = blank(in.scope()) ? -1 : in.scope().codePoints().filter(RecipientList::forbidden).findFirst().orElse(-1);
            if (bad >= 0) {
                throw refused(messages, "scope.invalid", "input.scope", String.format(Locale.ROOT, "U+%04X", bad));
            }
            m = m.withHandling(new Handling(Optional.ofNullable(in.scope()), in.noReproduction()));
        }
        if (blank(in.recipient())) {
            return m;
        }
        int bad = in.recipient().codePoints().filter(RecipientList::forbidden).findFirst().orElse(-1);
        if (bad >= 0) {
            throw refused(messages, "recipient.invalid", "input.recipient", String.format(Locale.ROOT, "U+%04X", bad));
        }
        return m.withRecipient(in.recipient().strip());
    }

    private static int copyNumber(String text, Messages messages) throws EngineException {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= CopyNumber.MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, as out of range
        }
        throw refused(messages, "copy.invalid", "input.copy", CopyNumber.MAX, text);
    }

    // ---- verify -----------------------------------------------------------------------------------

    /**
     * Checks the request's files, applies the baseline and writes the reports ({@link ReportTarget#console}
     * ones to {@code console}, which may be null when there are none).
     */
    public VerifyResult verify(VerifyRequest request, Writer console) throws EngineException, IOException {
        return new Verification(this, request, messages(request.lang())).run(console);
    }

    /**
     * A check of single documents given by content, under {@code policy}, with terms checked against
     * {@code today} (null for today) and messages in {@code lang} (null for the default locale).
     */
    public DocumentCheck documentCheck(Policy policy, LocalDate today, String lang) throws EngineException {
        ScanOptions options = ScanOptions.of(policy, today == null ? LocalDate.now() : today, messages(lang))
                .withThreads(1);
        return new DocumentCheck(scanner(options), policy);
    }

    /** The SARIF log of checked documents, with the fingerprints they were stored with. */
    public void writeSarif(List<CheckedDocument> documents, Writer out) throws IOException {
        Map<Finding, String> fingerprints = new IdentityHashMap<>();
        List<FileResult> files = new ArrayList<>();
        for (CheckedDocument d : documents) {
            List<Finding> findings = new ArrayList<>();
            for (CheckedFinding c : d.findings()) {
                Finding f = new Finding(c.rule(), c.severity(), c.message(), c.location(), null);
                fingerprints.put(f, c.fingerprint());
                findings.add(f);
            }
            files.add(new FileResult(d.path(), d.format(), Optional.empty(), findings));
        }
        new SarifReportWriter(version, rules().catalogue(), formats)
                .write(new ScanResult(files), (path, f) -> fingerprints.get(f), out);
    }

    FormatRegistry formats() {
        return formats;
    }

    /** A scanner with this engine's formats and its rules as {@code options.policy()} configures them. */
    Scanner scanner(ScanOptions options) {
        return new Scanner(formats, options.policy().rules(rules()), options);
    }

    /** The writer for a report format id; text reports list skipped paths when {@code listSkipped}. */
    ReportWriter reportWriter(String id, Messages messages, boolean listSkipped) throws EngineException {
        ReportContext context = new ReportContext(messages, version, rules().catalogue(), formats, listSkipped);
        Optional<ReportWriter> w = ReportWriters.byId(id == null ? "" : id.strip(), context);
        if (w.isEmpty()) {
            throw refused(messages, "report.unknown", "input.report", id, String.join(", ", reportFormats()));
        }
        return w.get();
    }

    // ---- stamp ------------------------------------------------------------------------------------

    /** Stamps the request's files. */
    public StampResult stamp(StampRequest request) throws EngineException, IOException {
        return stamp(request, CopyProgress.NONE);
    }

    /** Stamps the request's files; {@code progress} hears how numbered copies advance. */
    public StampResult stamp(StampRequest request, CopyProgress progress) throws EngineException, IOException {
        Messages messages = messages(request.lang());
        Marking marking = marking(request.marking(), request.policy(), messages);
        if (request.font() != null) {
            requireRegular(messages, request.font(), "font.invalid");
        }
        return new Stamping(formats, request, messages, ledger(messages, request.ledger())).run(marking, progress);
    }

    /**
     * Opens the signing key {@code sign} names, with {@code policy}'s seal algorithm, and forgets it again; a shell
     * that signs later, on request (the bridge), refuses a wrong keystore, password or alias when it starts.
     *
     * @return the signer as its certificate names it ({@code CN=…})
     */
    public String signer(SignWith sign, Policy policy, String lang) throws EngineException {
        return sealKey(sign, policy, messages(lang)).certificate().getSubjectX500Principal().getName();
    }

    /** The key {@code sign} names, opened now ({@code seal.key} when it cannot be). */
    static SealKey sealKey(SignWith sign, Policy policy, Messages messages) throws EngineException {
        try {
            return SealKey.load(sign.keystore(), sign.alias(), sign.password(), policy.seal().algorithm());
        } catch (IOException | RuntimeException e) {
            throw new EngineException("seal.key", messages.format("input.seal-key", e.getMessage()), e);
        }
    }

    // ---- presend ----------------------------------------------------------------------------------

    /** Decides, file by file, whether the request's files may go through its channel. */
    public PresendResult presend(PresendRequest request) throws EngineException, IOException {
        Messages messages = messages(request.lang());
        if (request.channel() == null || !request.policy().channels().containsKey(request.channel())) {
            throw refused(messages, "channel.unknown", "input.channel", String.join(", ", channels()),
                    request.channel());
        }
        for (Path f : request.files()) {
            requireRegular(messages, f, "file.invalid");
        }
        Optional<LedgerStore> store = ledger(messages, request.ledger());
        Optional<Ledger> ledger = store.isEmpty() ? Optional.empty() : Optional.of(store.get().lookup());
        ScanOptions options = ScanOptions.of(request.policy(), LocalDate.now(), messages).withThreads(1);
        PresendCheck check = new PresendCheck(request.policy(), scanner(options), formats, ledger, messages);
        List<Decision> decisions = new ArrayList<>();
        for (Path f : request.files()) {
            decisions.add(check.decide(f, request.names().get(f), request.channel()));
        }
        return new PresendResult(request.channel(), decisions, ledger.map(Ledger::problems).orElse(List.of()));
    }

    // ---- the ledger's keeper ------------------------------------------------------------------------

    /**
     * The distribution ledger at {@code ledger} (a file, {@code sqlite:PATH} or {@code postgresql://…}; created when
     * first written), worked in {@code lang}.
     */
    public Register register(String ledger, String lang) throws EngineException {
        Messages messages = messages(lang);
        if (ledger == null) {
            throw refused(messages, "ledger.required", "input.ledger-missing");
        }
        return new Register(formats, ledger(messages, ledger).orElseThrow(), messages);
    }

    // ---- trace ------------------------------------------------------------------------------------

    /** Which numbered copy {@code file} is, looked up in {@code ledger} when given (null for none). */
    public TraceResult trace(Path file, String ledger, String lang) throws EngineException, IOException {
        Messages messages = messages(lang);
        requireRegular(messages, file, "file.invalid");
        Optional<LedgerStore> store = ledger(messages, ledger);
        Optional<Ledger> l = store.isEmpty() ? Optional.empty() : Optional.of(store.get().lookup());
        try {
            return new Tracer(formats).trace(file, l);
        } catch (DocumentException e) {
            throw refused(messages, Stamping.code(e), "input.unreadable", file, e.getMessage());
        }
    }

    /**
     * The life of the copy {@code traced} found in the ledger, one line per ledger line in {@code lang}: when, the
     * step, and who (recipient, keeper, witness).
     */
    public List<String> history(TraceResult traced, String lang) throws EngineException {
        Messages messages = messages(lang);
        return traced.history().stream().map(CopyRecord::of).map(c -> LedgerView.historyLine(messages, c)).toList();
    }

    // ---- shared -----------------------------------------------------------------------------------

    /**
     * The ledger at {@code location} (a JSON-lines file's path, {@code sqlite:PATH}, {@code postgresql://…}),
     * refused when the location is not one or its file is not a regular file; empty for null.
     */
    static Optional<LedgerStore> ledger(Messages messages, String location) throws EngineException {
        if (location == null) {
            return Optional.empty();
        }
        LedgerStore store;
        try {
            store = LedgerStore.open(location);
        } catch (IllegalArgumentException e) {
            // the reason names the location itself, except a URL with a password, which is never repeated
            throw refused(messages, "ledger.invalid", "input.ledger-location", e.getMessage());
        }
        if (store.file().isPresent()) {
            requireRegularIfPresent(messages, store.file().get(), "ledger.invalid");
        }
        return Optional.of(store);
    }

    /**
     * Refuses {@code file} unless it is a regular file, found without opening it (a named pipe would block the
     * run, a device never end): a missing one is {@code path.missing}, anything else {@code code}.
     */
    static void requireRegular(Messages messages, Path file, String code) throws EngineException {
        FileKind kind = kind(file, code);
        if (kind == FileKind.MISSING || kind == FileKind.BROKEN_LINK) {
            throw refused(messages, "path.missing", "input.file-missing", file);
        }
        if (kind != FileKind.REGULAR) {
            throw refused(messages, code, "input.not-regular", file, messages.format(kind.messageKey()));
        }
    }

    /** {@link #requireRegular} for a file that may not exist yet (a ledger a first run creates). */
    static void requireRegularIfPresent(Messages messages, Path file, String code) throws EngineException {
        FileKind kind = kind(file, code);
        if (kind != FileKind.MISSING && kind != FileKind.REGULAR) {
            throw refused(messages, code, "input.not-regular", file, messages.format(kind.messageKey()));
        }
    }

    private static FileKind kind(Path file, String code) throws EngineException {
        try {
            return FileKind.of(file);
        } catch (IOException e) {
            throw new EngineException(code, file + ": " + e.getMessage(), e);
        }
    }

    /** Messages for {@code zh} or {@code en}; null for the default locale. */
    static Messages messages(String lang) throws EngineException {
        if (lang != null && !lang.equals("zh") && !lang.equals("en")) {
            throw refused(Messages.forLang(null), "lang.unknown", "input.lang", lang);
        }
        return Messages.forLang(lang);
    }

    static EngineException refused(Messages messages, String code, String key, Object... args) {
        return new EngineException(code, messages.format(key, args));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
