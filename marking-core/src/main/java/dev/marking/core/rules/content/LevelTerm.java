package dev.marking.core.rules.content;

import dev.marking.core.model.Level;

/**
 * A sensitive word or secret point (密点) and the level a document containing it needs.
 *
 * @param term   the word as written in the policy
 * @param level  the level it requires
 * @param secretPoint true for a 密点 (a secret in itself), false for a sensitive word
 */
public record LevelTerm(String term, Level level, boolean secretPoint) {
}
