package dev.marking.core.format;

import java.util.List;

/** Metadata keys written into stamped files (DESIGN §3.4). */
public final class MetadataKeys {

    public static final String LEVEL = "marking.level";
    public static final String SCHEME = "marking.scheme";
    public static final String TERM = "marking.term";
    public static final String COPY = "marking.copy";
    public static final String ISSUED = "marking.issued";
    public static final String ID = "marking.id";
    /** The day the stamp was applied: the term starts here when no issue date is given. */
    public static final String STAMPED = "marking.stamped";
    public static final String URGENCY = "marking.urgency";
    public static final String RECIPIENT = "marking.recipient";
    /** XMP namespace for the same keys in PDF. */
    public static final String XMP_NAMESPACE = "https://marking.dev/ns/1.0/";

    public static final List<String> ALL = List.of(LEVEL, SCHEME, TERM, COPY, ISSUED, ID, STAMPED, URGENCY, RECIPIENT);

    private MetadataKeys() {
    }
}
