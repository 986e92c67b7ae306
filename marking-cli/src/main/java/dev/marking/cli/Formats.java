package dev.marking.cli;

import dev.marking.core.format.FormatRegistry;

/** The adapters the CLI uses. */
final class Formats {

    private Formats() {
    }

    static FormatRegistry registry() {
        return FormatRegistry.standard();
    }
}
