package dev.marking.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The distribution ledger as read from its JSON-lines file. */
public final class Ledger {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<LedgerEntry> entries;

    private Ledger(List<LedgerEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads every line; a line that is not a ledger entry is an error naming the file and line. */
    public static Ledger read(Path file) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                entries.add(entry(file, n, line));
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

    /** The entry for this file: by SHA-256, else by document id and copy number. */
    public Optional<LedgerEntry> find(String sha256, String document, String copy) {
        return entries.stream().filter(e -> sha256 != null && sha256.equalsIgnoreCase(e.sha256())).findFirst()
                .or(() -> entries.stream().filter(e -> document != null && document.equals(e.document())
                        && copy != null && copy.equals(e.copy())).findFirst());
    }
}
