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
    private final Map<String, LedgerEntry> approvals = new LinkedHashMap<>();
    private final List<String> problems;

    Ledger(List<LedgerEntry> lines, List<String> problems) {
        this.lines = List.copyOf(lines);
        this.problems = List.copyOf(problems);
        for (LedgerEntry e : this.lines) {
            if (e.documentLine()) {
                approvals.put(e.document(), e);
            } else {
                latest.put(e.key(), e);
            }
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

    /**
     * How many copies of {@code document} count against its approved number: every number taken except the
     * void ones (a copy returned or destroyed was still made).
     */
    public int made(String document) {
        return (int) latest.values().stream().filter(e -> document.equals(e.document()) && e.state() != State.VOID)
                .count();
    }

    /** The approval in force for {@code document}: its latest {@link State#APPROVED} line; empty when none. */
    public Optional<LedgerEntry> approval(String document) {
        return Optional.ofNullable(approvals.get(document));
    }

    /** Where each copy stands (its latest line), of {@code document} or of every document when null, in registration order. */
    public List<LedgerEntry> copies(String document) {
        return latest.values().stream().filter(e -> document == null || document.equals(e.document())).toList();
    }

    /** Every line about {@code document}'s copy {@code copy}, in the order written. */
    public List<LedgerEntry> history(String document, String copy) {
        return lines.stream().filter(e -> !e.documentLine() && e.document().equals(document) && e.copy().equals(copy))
                .toList();
    }

    /** The documents the ledger knows, in the order first written. */
    public List<String> documents() {
        return lines.stream().map(LedgerEntry::document).distinct().toList();
    }

    /** Where {@code document}'s copy {@code copy} stands; empty when the number was never taken. */
    public Optional<LedgerEntry> state(String document, String copy) {
        return Optional.ofNullable(latest.get(document + "#" + copy));
    }

    /**
     * The registered copy this file is, where it stands now: one issued (or staged by a stopped run, or since
     * returned or destroyed) with this SHA-256, else one issued, returned or destroyed with this document id
     * and copy number.
     */
    public Optional<LedgerEntry> find(String sha256, String document, String copy) {
        return latest.values().stream().filter(e -> e.state() != State.VOID && e.state() != State.RESERVED)
                .filter(e -> sha256 != null && sha256.equalsIgnoreCase(e.sha256())).findFirst()
                .or(() -> latest.values().stream().filter(Ledger::wasIssued).filter(e -> document != null
                        && document.equals(e.document()) && copy != null && copy.equals(e.copy())).findFirst());
    }

    /** True for a copy that was issued: in place, or since returned or destroyed. */
    private static boolean wasIssued(LedgerEntry e) {
        return e.state() == State.ISSUED || e.state() == State.RETURNED || e.state() == State.DESTROYED;
    }

    /** What was wrong with the file as read (a torn last line), for the user; empty when nothing. */
    public List<String> problems() {
        return problems;
    }
}
