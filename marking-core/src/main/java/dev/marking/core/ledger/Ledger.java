package dev.marking.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The distribution ledger as read from its JSON-lines file. */
public final class Ledger {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<LedgerEntry> entries;

    private Ledger(List<LedgerEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads every line; a line that is not a ledger entry is an error naming the file and line. */
    public static Ledger read(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses ledger text read elsewhere (e.g. through a locked channel); {@code file} names it in errors. */
    public static Ledger parse(Path file, String text) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                entries.add(entry(file, i + 1, lines[i]));
            }
        }
        return new Ledger(entries);
    }

    private static LedgerEntry entry(Path file, int n, String line) throws IOException {
        JsonNode j;
        try {
            j = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IOException(file + ":" + n + ": not a ledger line (JSON expected)", e);
        }
        if (j == null || !j.hasNonNull("document") || !j.hasNonNull("copy")) {
            throw new IOException(file + ":" + n + ": a ledger line needs document and copy");
        }
        return new LedgerEntry(j.get("document").asText(), j.get("copy").asText(), text(j, "recipient"),
                text(j, "file"), text(j, "sha256"), text(j, "time"));
    }

    private static String text(JsonNode j, String key) {
        return j.hasNonNull(key) ? j.get(key).asText() : null;
    }

    public List<LedgerEntry> entries() {
        return entries;
    }

    /** Copy numbers already issued for {@code document}. */
    public Set<Integer> issued(String document) {
        Set<Integer> out = new TreeSet<>();
        for (LedgerEntry e : entries) {
            if (document.equals(e.document()) && e.copy() != null && e.copy().matches("\\d{1,6}")) {
                out.add(Integer.parseInt(e.copy()));
            }
        }
        return out;
    }

    /** The entry for this file: by SHA-256, else by document id and copy number. */
    public Optional<LedgerEntry> find(String sha256, String document, String copy) {
        return entries.stream().filter(e -> sha256 != null && sha256.equalsIgnoreCase(e.sha256())).findFirst()
                .or(() -> entries.stream().filter(e -> document != null && document.equals(e.document())
                        && copy != null && copy.equals(e.copy())).findFirst());
    }
}
