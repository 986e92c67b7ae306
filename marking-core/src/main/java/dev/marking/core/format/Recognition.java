package dev.marking.core.format;

/** How sure a format is that some bytes are its own (see {@link DocumentFormat#recognise}). */
public enum Recognition {
    /** Not this format. */
    NONE,
    /** Could be this format, nothing more specific says otherwise (e.g. text without binary bytes). */
    PLAUSIBLE,
    /** The format's own signature: magic bytes, the main part of a package, a container's streams. */
    CERTAIN
}
