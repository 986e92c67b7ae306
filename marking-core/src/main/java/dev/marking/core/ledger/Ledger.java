package dev.marking.core.ledger;

import dev.marking.core.ledger.LedgerEntry.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The distribution ledger as read at one moment: every line, and where each numbered copy stands (its
 * latest line). Read through a {@link LedgerStore}; {@link #read(Path)} is the short way for a file.
 */
public final class Ledger {

    private final List<LedgerEntry> lines;
    private final Map<String, LedgerEntry> latest = new LinkedHashMap<>();
    private final List<String> problems;

    Ledger(List<LedgerEntry> lines, List<String> problems) {
        this.lines = List.copyOf(lines);
        this.problems = List.copyOf(problems);
        for (LedgerEntry e : this.lines) {
            latest.put(e.key(), e);
        }
    }

    /**
     * Reads a ledger file without waiting for a stamp run; a torn last line (a write that was cut off) is
     * left out and described in {@link #problems()}. A damaged line elsewhere is an error naming it.
     */
    public static Ledger read(Path file) throws IOException {
        return parse(file, Files.readAllBytes(file));
    }

    /** Parses ledger bytes read elsewhere; {@code file} names it in errors and problems. */
    static Ledger parse(Path file, byte[] bytes) throws IOException {
        LedgerLines.Parsed p = LedgerLines.parse(file, bytes);
        List<String> problems = new ArrayList<>();
        p.torn().ifPresent(t -> problems.add(file + ":" + t.line() + ": the last line is incomplete (a write was cut"
                + " off); it is left out here, and the next stamp with this ledger repairs it"));
        return new Ledger(p.entries(), problems);
    }

    /** Every line, in the order written. */
    public List<LedgerEntry> lines() {
        return lines;
    }

    /** The issued copies: each copy whose latest line says it is in place, in the order first registered. */
    public List<LedgerEntry> entries() {
        return latest.values().stream().filter(e -> e.state() == State.ISSUED).toList();
    }

    /** Copies a stopped run left reserved or staged: recovery settles them. */
    public List<LedgerEntry> pending() {
        return latest.values().stream().filter(e -> e.state() == State.RESERVED || e.state() == State.STAGED).toList();
    }

    /** Copy numbers taken for {@code document} in any state: none of them is ever issued again. */
    public Set<Integer> issued(String document) {
        Set<Integer> out = new TreeSet<>();
        for (LedgerEntry e : latest.values()) {
            if (document.equals(e.document()) && e.copy() != null && e.copy().matches("\\d{1,6}")) {
                out.add(Integer.parseInt(e.copy()));
            }
        }
        return out;
    }

    /** Where {@code document}'s copy {@code copy} stands; empty when the number was never taken. */
    public Optional<LedgerEntry> state(String document, String copy) {
        return Optional.ofNullable(latest.get(document + "#" + copy));
    }

    /**
     * The registered copy this file is: an issued one (or one staged by a stopped run) with this SHA-256,
     * else an issued one with this document id and copy number.
     */
    public Optional<LedgerEntry> find(String sha256, String document, String copy) {
        return latest.values().stream().filter(e -> e.state() == State.ISSUED || e.state() == State.STAGED)
                .filter(e -> sha256 != null && sha256.equalsIgnoreCase(e.sha256())).findFirst()
                .or(() -> entries().stream().filter(e -> document != null && document.equals(e.document())
                        && copy != null && copy.equals(e.copy())).findFirst());
    }

    /** What was wrong with the file as read (a torn last line), for the user; empty when nothing. */
    public List<String> problems() {
        return problems;
    }
}
