package dev.marking.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.io.AtomicFiles;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of earlier scans, so an unchanged file is not read again. An entry is found by the file's
 * path relative to its root and the SHA-256 of its content; the whole cache is valid only for one
 * {@linkplain #key key}: tool version, policy fingerprint, rules and adapters in force, the day (terms
 * and suppressions expire) and the message language. A cache written under another key, or one that
 * cannot be read, is silently started afresh; it is written atomically and keeps only the entries
 * used by the last scan, so deleted files drop out.
 */
public final class ScanCache {

    /** Made on first use: a run without a cache never loads Jackson for it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final int FORMAT = 3;

    private final Path file;
    private final String key;
    private final Map<String, JsonNode> previous;
    private final Map<String, FileResult> current = new ConcurrentHashMap<>();

    private ScanCache(Path file, String key, Map<String, JsonNode> previous) {
        this.file = file;
        this.key = key;
        this.previous = previous;
    }

    /**
     * The key results of a scan depend on, beyond the file itself. {@code toolVersion} alone is not
     * enough for snapshot builds, so the rule ids and adapter ids in force are part of it too.
     */
    public static String key(FormatRegistry formats, ScanOptions options, String toolVersion) {
        return key(formats, options.policy().rules(RuleRegistry.standard()), options, toolVersion);
    }

    /** The key for a scan running {@code rules}. */
    public static String key(FormatRegistry formats, List<Rule> rules, ScanOptions options, String toolVersion) {
        StringBuilder sb = new StringBuilder("marking-cache/").append(FORMAT);
        sb.append("\ntool=").append(toolVersion);
        sb.append("\npolicy=").append(options.policy().fingerprint());
        sb.append("\ntoday=").append(options.today());
        sb.append("\nlang=").append(options.messages().locale().toLanguageTag());
        sb.append("\nocr=").append(options.policy().ocrSettings().fingerprint());
        sb.append("\nrules=");
        for (Rule r : rules) {
            sb.append(r.descriptor().id()).append(',');
        }
        sb.append("\nformats=");
        for (DocumentFormat f : formats.formats()) {
            sb.append(f.id()).append(',');
        }
        return Digests.sha256(sb.toString());
    }

    /** The cache in {@code file} for {@code key}; empty when the file is missing, unreadable or for another key. */
    public static ScanCache open(Path file, String key) {
        Map<String, JsonNode> entries = new TreeMap<>();
        try {
            if (Files.isRegularFile(file)) {
                JsonNode root = Json.MAPPER.readTree(file.toFile());
                if (root != null && root.path("format").asInt() == FORMAT && key.equals(root.path("key").asText())) {
                    for (JsonNode e : root.path("entries")) {
                        entries.put(entryKey(e.path("path").asText(), e.path("sha256").asText()), e);
                    }
                }
            }
        } catch (IOException e) {
            // A damaged cache only costs a full scan.
            entries.clear();
        }
        return new ScanCache(file, key, entries);
    }

    /** A cache that remembers nothing and writes nothing (caching turned off). */
    public static ScanCache disabled() {
        return new ScanCache(null, "", Map.of());
    }

    /** True when this cache remembers results (false for {@link #disabled()}). */
    public boolean enabled() {
        return file != null;
    }

    /** The result stored for this content at this relative path, if any. */
    public Optional<FileResult> lookup(String relative, String sha256) {
        JsonNode entry = previous.get(entryKey(relative, sha256));
        if (entry == null) {
            return Optional.empty();
        }
        try {
            FileResult r = FileResultCodec.read(entry.path("result"));
            current.put(entryKey(relative, sha256), r);
            return Optional.of(r);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Remembers the result for this content at this relative path. */
    public void put(String relative, String sha256, FileResult result) {
        if (file == null) {
            return;
        }
        current.put(entryKey(relative, sha256), result);
    }

    /** Number of entries a {@link #save()} would write. */
    public int size() {
        return current.size();
    }

    /** The cache file; empty when caching is off. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Writes the entries looked up or put since opening, atomically (a temporary file renamed into place). */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<String, FileResult> e : new TreeMap<>(current).entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", parts[0]);
            m.put("sha256", parts[1]);
            m.put("result", FileResultCodec.write(e.getValue()));
            entries.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("format", FORMAT);
        root.put("key", key);
        root.put("entries", entries);
        String json = Json.MAPPER.writeValueAsString(root) + "\n";
        AtomicFiles.write(file, w -> w.write(json));
    }

    private static String entryKey(String relative, String sha256) {
        return relative + '\u0000' + sha256;
    }
}
