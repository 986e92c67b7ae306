package dev.marking.core.rules.declass;

import dev.marking.core.testing.Fixtures;
import java.nio.file.Path;

/**
 * Where the declass tests find the shared labelled samples ({@code ../shared/samples}): the one place to
 * change when the project's corpus helper takes over locating {@code ../shared}.
 */
final class SharedSamples {

    private SharedSamples() {
    }

    /** {@code ../shared/samples} (system property {@code marking.shared}, else beside the project). */
    static Path dir() {
        return Fixtures.shared().resolve("samples");
    }
}
