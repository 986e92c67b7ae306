package dev.marking.core.engine;

/**
 * The marking a document carries, as the JSON report states it (DESIGN §3.3): plain values for tables.
 *
 * @param level  the level ({@code 机密})
 * @param scheme the scheme id ({@code state})
 * @param term   the canonical term ({@code 5年}); null when not stated
 * @param copy   the copy number ({@code 000003}); null when none
 * @param issued the issue date ({@code 2026-01-05}); null when not stated
 */
public record DeclaredMarking(String level, String scheme, String term, String copy, String issued) {
}
