package dev.marking.core.rules.content;

import dev.marking.core.io.Glob;
import dev.marking.core.model.Level;
import java.util.Optional;

/**
 * Level required for files under a path: {@code secret/**: at least 机密} or {@code public/**: must be 公开}.
 *
 * @param glob    path glob relative to the scanned root
 * @param atLeast the lowest level allowed, within its scheme
 * @param mustBe  the only level allowed
 * @param line    line in the policy file (for messages), 0 for built-in
 */
public record PathRule(Glob glob, Optional<Level> atLeast, Optional<Level> mustBe, int line) {
}
