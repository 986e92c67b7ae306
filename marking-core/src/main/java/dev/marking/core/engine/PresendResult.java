package dev.marking.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marking.core.presend.Decision;
import dev.marking.core.report.JsonReportWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-send decisions for one channel, and their two written forms: the text a person reads and the
 * JSON ({@code marking presend --format json}, the bridge's {@code /presend}), each written here only.
 *
 * @param channel   the channel asked about
 * @param decisions one per file, in order
 * @param notes     what was wrong with the ledger as read (a torn last line, and whether it was repaired)
 */
public record PresendResult(String channel, List<Decision> decisions, List<String> notes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PresendResult {
        decisions = List.copyOf(decisions);
        notes = List.copyOf(notes);
    }

    /** True when every file may go (exit code 0). */
    public boolean allowed() {
        return decisions.stream().allMatch(Decision::allowed);
    }

    /** {@code ALLOWED path (channel)} / {@code BLOCKED …} and one line per reason. */
    public void writeText(PrintWriter out) {
        for (Decision d : decisions) {
            out.println((d.allowed() ? "ALLOWED " : "BLOCKED ") + d.path() + "  (" + channel + ")");
            for (Decision.Reason r : d.reasons()) {
                out.println("  - " + r.rule() + ": " + r.message());
            }
        }
    }

    /** The JSON form: tool, channel, allowed, and per file its path, decision, marking and reasons. */
    public String json() {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Decision d : decisions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("allowed", d.allowed());
            m.put("marking", d.marking().map(JsonReportWriter::marking).orElse(null));
            m.put("reasons", d.reasons().stream().map(r -> Map.of("rule", r.rule(), "message", r.message())).toList());
            files.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("channel", channel);
        root.put("allowed", allowed());
        root.put("files", files);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
