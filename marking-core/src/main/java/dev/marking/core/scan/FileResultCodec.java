package dev.marking.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Handling;
import dev.marking.core.model.Level;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Ocr;
import dev.marking.core.model.Severity;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link FileResult} as plain JSON values and back, losslessly, for {@link ScanCache}. Reading
 * throws {@link IllegalArgumentException} on anything it did not write.
 */
final class FileResultCodec {

    /** The OCR slot of a location that was not read by OCR. */
    private static final int NOT_OCR = -2;

    private FileResultCodec() {
    }

    static Map<String, Object> write(FileResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", r.path());
        m.put("format", r.format());
        m.put("marking", r.marking().map(FileResultCodec::marking).orElse(null));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("rule", f.rule());
            fm.put("severity", f.severity().name());
            fm.put("message", f.message());
            Location l = f.location();
            fm.put("location", List.of(orEmpty(l.part()), l.section(), l.page(), l.paragraph(), l.line(), l.column(),
                    orEmpty(l.sheet()), orEmpty(l.cell()), l.slide(), l.ocr() == null ? NOT_OCR : l.ocr().confidence()));
            fm.put("evidence", f.evidence());
            findings.add(fm);
        }
        m.put("findings", findings);
        return m;
    }

    static FileResult read(JsonNode n) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : n.path("findings")) {
            JsonNode l = f.path("location");
            if (l.size() != 10) {
                throw new IllegalArgumentException("bad location " + l);
            }
            int ocr = l.get(9).asInt();
            Location location = new Location(orNull(l.get(0)), l.get(1).asInt(), l.get(2).asInt(), l.get(3).asInt(),
                    l.get(4).asInt(), l.get(5).asInt(), orNull(l.get(6)), orNull(l.get(7)), l.get(8).asInt(),
                    ocr == NOT_OCR ? null : new Ocr(ocr));
            findings.add(new Finding(text(f, "rule"), Severity.valueOf(text(f, "severity")), text(f, "message"), location,
                    f.path("evidence").isNull() ? null : f.path("evidence").asText()));
        }
        JsonNode mk = n.path("marking");
        Optional<Marking> marking = mk.isObject() ? Optional.of(marking(mk)) : Optional.empty();
        return new FileResult(text(n, "path"), text(n, "format"), marking, findings);
    }

    private static Map<String, Object> marking(Marking mk) {
        Map<String, Object> m = new LinkedHashMap<>();
        Level l = mk.level();
        m.put("level", List.of(l.scheme(), l.name(), l.rank(), l.classified(), l.maxTermYears().orElse(-1)));
        m.put("term", term(mk.term()));
        m.put("copy", mk.copy().map(CopyNumber::value).orElse(null));
        m.put("issued", mk.issued().map(LocalDate::toString).orElse(null));
        m.put("urgency", mk.urgency().map(Urgency::name).orElse(null));
        m.put("recipient", mk.recipient().orElse(null));
        m.put("scope", mk.handling().scope().orElse(null));
        m.put("noReproduction", mk.handling().noReproduction());
        return m;
    }

    private static Marking marking(JsonNode m) {
        JsonNode l = m.path("level");
        if (l.size() != 5) {
            throw new IllegalArgumentException("bad level " + l);
        }
        int max = l.get(4).asInt();
        Level level = new Level(l.get(0).asText(), l.get(1).asText(), l.get(2).asInt(), l.get(3).asBoolean(),
                max < 0 ? Optional.empty() : Optional.of(max));
        try {
            return new Marking(level, term(m.path("term")),
                    m.path("copy").isNull() ? Optional.empty() : Optional.of(new CopyNumber(m.path("copy").asInt())),
                    optional(m, "issued").map(LocalDate::parse), optional(m, "urgency").map(Urgency::valueOf),
                    optional(m, "recipient")).withHandling(new Handling(optional(m, "scope"),
                            m.path("noReproduction").asBoolean(false)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static List<Object> term(Term t) {
        if (t instanceof Term.Years y) {
            return List.of("years", y.years());
        } else if (t instanceof Term.Months mo) {
            return List.of("months", mo.months());
        } else if (t instanceof Term.Until u) {
            return List.of("until", u.date().toString());
        } else if (t instanceof Term.LongTerm) {
            return List.of("long");
        } else if (t instanceof Term.Condition c) {
            return List.of("condition", c.text());
        }
        return List.of("unstated");
    }

    private static Term term(JsonNode t) {
        String kind = t.path(0).asText();
        JsonNode v = t.path(1);
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "years":
                return new Term.Years(v.asInt());
            case "months":
                return new Term.Months(v.asInt());
            case "until":
                try {
                    return new Term.Until(LocalDate.parse(v.asText()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            case "long":
                return new Term.LongTerm();
            case "condition":
                return new Term.Condition(v.asText());
            case "unstated":
                return new Term.Unstated();
            default:
                throw new IllegalArgumentException("unknown term kind " + kind);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(JsonNode n) {
        return n.asText().isEmpty() ? null : n.asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
