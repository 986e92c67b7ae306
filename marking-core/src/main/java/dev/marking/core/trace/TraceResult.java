package dev.marking.core.trace;

import dev.marking.core.ledger.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which copy a file is, and the evidence for it.
 *
 * @param copiesBySource the copy number each source shows: {@code metadata}, {@code block}, {@code footer},
 *                       {@code watermark}, {@code text}, {@code covert}
 * @param recipient      the recipient named by metadata or watermark, if any
 * @param document       the document id from metadata, if any
 * @param ledgerEntry    the matching ledger line, if a ledger was given and one matches
 * @param exactFile      true when the ledger's SHA-256 matches the file byte for byte
 * @param notes          what was wrong with the ledger as read (a torn last line, and whether it was repaired)
 * @param history        every ledger line of the matching copy, in the order written (issued, returned,
 *                       destroyed, …); empty without a match
 */
public record TraceResult(Map<String, String> copiesBySource, Optional<String> recipient, Optional<String> document,
        Optional<LedgerEntry> ledgerEntry, boolean exactFile, List<String> notes, List<LedgerEntry> history) {

    public TraceResult {
        copiesBySource = Map.copyOf(copiesBySource);
        notes = List.copyOf(notes);
        history = List.copyOf(history);
    }

    /** A result without a ledger history. */
    public TraceResult(Map<String, String> copiesBySource, Optional<String> recipient, Optional<String> document,
            Optional<LedgerEntry> ledgerEntry, boolean exactFile, List<String> notes) {
        this(copiesBySource, recipient, document, ledgerEntry, exactFile, notes, List.of());
    }

    /** The copy number most sources agree on, if any source shows one. */
    public Optional<String> copy() {
        return copiesBySource.values().stream()
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .or(() -> ledgerEntry.map(LedgerEntry::copy));
    }

    /** True when the sources that show a copy number disagree (a sign of tampering). */
    public boolean conflicting() {
        return copiesBySource.values().stream().distinct().count() > 1;
    }
}
