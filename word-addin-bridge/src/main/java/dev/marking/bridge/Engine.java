package dev.marking.bridge;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Level;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingSpec;
import dev.marking.core.model.Message;
import dev.marking.core.model.ParsedMark;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Urgency;
import dev.marking.core.policy.ChannelRule;
import dev.marking.core.policy.Policy;
import dev.marking.core.presend.Decision;
import dev.marking.core.presend.PresendCheck;
import dev.marking.core.report.JsonReportWriter;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.ScanTarget;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.DocumentIds;
import dev.marking.core.scan.Stamper;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the API does with one document, as a thin shell over {@link Scanner}, {@link Stamper} and {@link PresendCheck}. */
final class Engine {

    /** The request asks for something the engine cannot do with it (bad level, unknown channel, …). */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        BadRequest(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /**
     * A stamped copy.
     *
     * @param name     the copy's file name ({@code name.000003.docx} for a numbered copy)
     * @param bytes    the copy, read back before the request's folder is removed (null until {@link #read()})
     * @param file     the copy in the request's private folder
     * @param mark     the canonical mark stamped
     * @param metadata the §3.4 properties written into it (the add-in sets them on the open document too)
     */
    record Stamped(String name, byte[] bytes, Path file, String mark, Map<String, String> metadata) {

        /** The same with the bytes read from the file. */
        Stamped read() throws IOException {
            return new Stamped(name, java.nio.file.Files.readAllBytes(file), file, mark, metadata);
        }
    }

    private final Policy policy;
    private final FormatRegistry formats;
    private final String version;

    Engine(Policy policy, FormatRegistry formats, String version) {
        this.policy = policy;
        this.formats = formats;
        this.version = version;
    }

    String version() {
        return version;
    }

    /** The ids of the adapters in force. */
    List<String> formats() {
        return formats.formats().stream().map(f -> f.id()).toList();
    }

    /** The §3.3 report for one document, its path being the name the client sent. */
    String verify(UploadedDocument doc, Messages messages) throws IOException {
        FileResult r = scanner(messages).check(new ScanTarget(doc.file(), doc.name()));
        FileResult named = new FileResult(doc.name(), r.format(), r.marking(), r.findings());
        StringWriter out = new StringWriter();
        new JsonReportWriter(version).write(new ScanResult(List.of(named)), out);
        return out.toString();
    }

    /** The pre-send decision for one document, in the shape of {@code marking presend --format json}. */
    Map<String, Object> presend(UploadedDocument doc, String channel, Messages messages) throws IOException, BadRequest {
        if (channel == null || !ChannelRule.NAMES.contains(channel)) {
            throw new BadRequest("channel.unknown", "channel must be one of " + new TreeMap<>(policyChannels()).keySet()
                    + ", not " + channel);
        }
        Decision d = new PresendCheck(policy, scanner(messages), formats, Optional.empty(), messages).decide(doc.file(),
                channel);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", doc.name());
        file.put("allowed", d.allowed());
        file.put("marking", d.marking().map(JsonReportWriter::marking).orElse(null));
        file.put("reasons", d.reasons().stream().map(r -> Map.of("rule", r.rule(), "message", r.message())).toList());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("channel", channel);
        root.put("allowed", d.allowed());
        root.put("files", List.of(file));
        return root;
    }

    /** Stamps a copy into the request's output folder; returns the written file. */
    Stamped stamp(UploadedDocument doc, Map<String, String> query, Messages messages)
            throws IOException, BadRequest, DocumentException {
        Marking marking = marking(query, messages);
        StampOptions options = new StampOptions(marking, DocumentIds.of(formats, doc.file()), LocalDate.now(),
                !"false".equals(query.get("header")), !"false".equals(query.get("footer")),
                !"false".equals(query.get("watermark")), Optional.empty());
        Path file = new Stamper(formats).stamp(doc.file(), doc.outputFolder(), options);
        return new Stamped(file.getFileName().toString(), null, file, marking.mark(), options.metadata());
    }

    /** What the task pane needs to know of the policy: schemes and levels, channels, marking mode. */
    Map<String, Object> policyView() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", policy.source().equals("built-in") ? "built-in" : Path.of(policy.source()).getFileName().toString());
        root.put("mode", policy.mode().name().toLowerCase(java.util.Locale.ROOT));
        List<Map<String, Object>> schemes = new java.util.ArrayList<>();
        for (Scheme s : policy.schemes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("levels", s.levels().stream().map(Engine::level).toList());
            schemes.add(m);
        }
        root.put("schemes", schemes);
        root.put("channels", policyChannels());
        root.put("formats", formats());
        return root;
    }

    private Map<String, Object> policyChannels() {
        Map<String, Object> channels = new TreeMap<>();
        for (ChannelRule c : policy.channels().values()) {
            channels.put(c.name(), Map.of("classified", c.classified(), "ledger", c.ledger(),
                    "blockedSchemes", new java.util.TreeSet<>(c.blockedSchemes())));
        }
        return channels;
    }

    private static Map<String, Object> level(Level l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("classified", l.classified());
        m.put("maxYears", l.maxTermYears().orElse(null));
        return m;
    }

    private Marking marking(Map<String, String> query, Messages messages) throws BadRequest {
        String level = query.get("level");
        if (level == null || level.isBlank()) {
            throw new BadRequest("level.missing", "the query parameter level is required (e.g. level=机密)");
        }
        ParsedMark parsed = MarkingSpec.parse(policy.parser(), level, query.get("term"));
        if (!parsed.valid()) {
            Message why = parsed.errors().get(0);
            throw new BadRequest("marking.invalid", messages.format(why.key(), why.args().toArray()));
        }
        Marking m = parsed.marking().get();
        try {
            String issued = query.get("issued");
            if (issued != null && !issued.isBlank()) {
                m = m.withIssued(LocalDate.parse(issued.strip()));
            }
        } catch (DateTimeParseException e) {
            throw new BadRequest("issued.invalid", "issued must be a date YYYY-MM-DD");
        }
        String copy = query.get("copy");
        if (copy != null && !copy.isBlank()) {
            int n;
            try {
                n = Integer.parseInt(copy.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > CopyNumber.MAX) {
                throw new BadRequest("copy.invalid", "copy must be a number between 1 and " + CopyNumber.MAX);
            }
            m = m.withCopy(new CopyNumber(n));
        }
        String urgency = query.get("urgency");
        if (urgency != null && !urgency.isBlank()) {
            m = m.withUrgency(Urgency.parse(urgency.strip())
                    .orElseThrow(() -> new BadRequest("urgency.invalid", "urgency must be 特急 or 加急")));
        }
        return m;
    }

    private Scanner scanner(Messages messages) {
        return Scanner.forPolicy(formats, ScanOptions.of(policy, LocalDate.now(), messages).withThreads(1));
    }
}
