package dev.marking.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.ledger.LedgerEntry.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON-lines form of the ledger: one object per line, each ending in a newline. A last line without
 * its newline that is not a whole entry is <em>torn</em> — a write that was cut off (a full disk, a
 * crash); it is set apart, never taken for an entry. A bad line anywhere else is damage, and an error.
 */
final class LedgerLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DOCUMENT = Pattern.compile("\"document\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");
    private static final Pattern COPY = Pattern.compile("\"copy\"\\s*:\\s*\"(\\d{6})\"");

    private LedgerLines() {
    }

    /**
     * A ledger file's content.
     *
     * @param entries    every whole line, in order
     * @param goodLength the bytes that hold whole lines (a torn line starts here)
     * @param torn       the cut-off last line, if any
     * @param unended    the last line is a whole entry whose newline was cut off (the next write adds it)
     */
    record Parsed(List<LedgerEntry> entries, long goodLength, Optional<Torn> torn, boolean unended) {
    }

    /**
     * A cut-off last line.
     *
     * @param line     its 1-based line number
     * @param fragment what was written of it
     */
    record Torn(int line, String fragment) {

        /** The copy it was about, when the fragment still names both document and number. */
        Optional<String[]> documentAndCopy() {
            Matcher d = DOCUMENT.matcher(fragment);
            Matcher c = COPY.matcher(fragment);
            return d.find() && c.find() ? Optional.of(new String[] {d.group(1), c.group(1)}) : Optional.empty();
        }
    }

    /** Parses {@code bytes} of {@code file} (named in errors). */
    static Parsed parse(Path file, byte[] bytes) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        int start = 0;
        int line = 1;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                String rest = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
                if (rest.isBlank()) {
                    return new Parsed(entries, bytes.length, Optional.empty(), false);
                }
                Optional<LedgerEntry> whole = entry(rest);
                if (whole.isPresent()) {
                    entries.add(whole.get());
                    return new Parsed(entries, bytes.length, Optional.empty(), true);
                }
                return new Parsed(entries, start, Optional.of(new Torn(line, rest)), false);
            }
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                entries.add(entry(text).orElseThrow(() -> new IOException(file + ":" + lineNumber(bytes, end)
                        + ": not a ledger line (a JSON object with document and copy expected)")));
            }
            start = end + 1;
            line++;
        }
        return new Parsed(entries, bytes.length, Optional.empty(), false);
    }

    private static int lineNumber(byte[] bytes, int end) {
        int n = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** One line read as an entry; empty when it is not one. */
    static Optional<LedgerEntry> entry(String line) {
        JsonNode j;
        try {
            j = MAPPER.readTree(line);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (j == null || !j.isObject() || !j.hasNonNull("document")) {
            return Optional.empty();
        }
        String stateId = text(j, "state");
        Optional<State> state = stateId == null ? Optional.of(State.ISSUED) : State.of(stateId);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (state.get() == State.APPROVED) {
            // a document line: no copy, an approved count of at least one
            if (!j.path("approved").canConvertToInt() || j.get("approved").asInt() < 1) {
                return Optional.empty();
            }
            return Optional.of(LedgerEntry.approval(j.get("document").asText(), j.get("approved").asInt(),
                    text(j, "by"), text(j, "time"), text(j, "note")));
        }
        if (!j.hasNonNull("copy")) {
            return Optional.empty();
        }
        return Optional.of(new LedgerEntry(state.get(), j.get("document").asText(), j.get("copy").asText(),
                text(j, "recipient"), text(j, "file"), text(j, "folder"), text(j, "sha256"), text(j, "time"),
                text(j, "note"), text(j, "by"), text(j, "witness"), null));
    }

    private static String text(JsonNode j, String key) {
        return j.hasNonNull(key) ? j.get(key).asText() : null;
    }

    /** {@code entries} as ledger lines, each with its newline. */
    static byte[] encode(List<LedgerEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (LedgerEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", e.state().id());
            m.put("document", e.document());
            if (e.documentLine()) {
                m.put("approved", e.approved());
                putIfPresent(m, "by", e.by());
                m.put("time", e.time());
                putIfPresent(m, "note", e.note());
            } else {
                m.put("copy", e.copy());
                m.put("recipient", e.recipient());
                m.put("file", e.file());
                putIfPresent(m, "folder", e.folder());
                m.put("sha256", e.sha256());
                m.put("time", e.time());
                putIfPresent(m, "note", e.note());
                putIfPresent(m, "by", e.by());
                putIfPresent(m, "witness", e.witness());
            }
            try {
                sb.append(MAPPER.writeValueAsString(m)).append('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
