package dev.marking.core.ledger;

/**
 * One issued copy in the distribution ledger (分发登记, DESIGN §1.4): one JSON object per line.
 *
 * @param document  the document id ({@code marking.id})
 * @param copy      six-digit copy number
 * @param recipient who received it, or null
 * @param file      the output file name
 * @param sha256    SHA-256 of the output file, lower-case hex
 * @param time      when it was issued (ISO-8601 instant)
 */
public record LedgerEntry(String document, String copy, String recipient, String file, String sha256, String time) {
}
