package dev.marking.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marking.core.io.AtomicFiles;
import dev.marking.core.model.Finding;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings a team has accepted when adopting marking, so only new ones are reported. Entries are keyed
 * by rule + path + a hash of the normalised evidence, never by line or paragraph, so editing elsewhere
 * in a file does not bring old findings back. Each key counts its occurrences.
 */
public final class Baseline {

    private static final int FORMAT = 1;

    private final Map<String, Integer> counts;

    private Baseline(Map<String, Integer> counts) {
        this.counts = Map.copyOf(counts);
    }

    /** Every finding of {@code result}. */
    public static Baseline of(ScanResult result) {
        Map<String, Integer> counts = new TreeMap<>();
        for (FileResult file : result.files()) {
            for (Finding f : file.findings()) {
                counts.merge(key(f.rule(), file.path(), hash(f)), 1, Integer::sum);
            }
        }
        return new Baseline(counts);
    }

    /** Reads a baseline file written by {@link #write(Path)}. */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = ReportJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a marking baseline: " + e.getMessage(), e);
        }
        if (root == null || root.path("format").asInt() != FORMAT || !root.path("entries").isArray()) {
            throw new IOException(file + ": not a marking baseline (format " + FORMAT + " expected)");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode e : root.get("entries")) {
            counts.merge(key(e.path("rule").asText(), e.path("path").asText(), e.path("hash").asText()),
                    Math.max(1, e.path("count").asInt(1)), Integer::sum);
        }
        return new Baseline(counts);
    }

    /** Writes the baseline atomically, entries sorted so it diffs well in version control. */
    public void write(Path file) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
            String[] parts = e.getKey().split("\u0000", 3);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", parts[0]);
            m.put("path", parts[1]);
            m.put("hash", parts[2]);
            m.put("count", e.getValue());
            entries.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("format", FORMAT);
        root.put("entries", entries);
        String json = ReportJson.MAPPER.writeValueAsString(root) + "\n";
        AtomicFiles.write(file, w -> w.write(json));
    }

    /** {@code result} without the findings this baseline accepts. */
    public ScanResult filter(ScanResult result) {
        Map<String, Integer> left = new HashMap<>(counts);
        List<FileResult> files = new ArrayList<>();
        for (FileResult file : result.files()) {
            List<Finding> kept = new ArrayList<>();
            for (Finding f : file.findings()) {
                String key = key(f.rule(), file.path(), hash(f));
                int n = left.getOrDefault(key, 0);
                if (n > 0) {
                    left.put(key, n - 1);
                } else {
                    kept.add(f);
                }
            }
            files.add(new FileResult(file.path(), file.format(), file.marking(), kept));
        }
        return result.withFiles(files);
    }

    public int size() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String key(String rule, String path, String hash) {
        return rule + '\u0000' + path + '\u0000' + hash;
    }

    /** The normalised evidence, hashed (see {@link Fingerprints#normalise}). */
    static String hash(Finding f) {
        return Fingerprints.evidence(f.evidence());
    }
}
