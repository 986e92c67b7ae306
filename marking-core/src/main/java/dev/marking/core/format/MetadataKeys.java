package dev.marking.core.format;

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
    /** The distribution scope (发放范围), as printed with the first-page block. */
    public static final String SCOPE = "marking.scope";
    /** {@code 不得翻印} when the document may not be reproduced; absent otherwise. */
    public static final String REPRODUCTION = "marking.reproduction";
    /**
     * Read-model property an adapter sets when it finds a covert copy mark (six digits); read by
     * {@code trace}, never written as metadata.
     */
    public static final String COVERT_COPY = "covert.copy";
    /** XMP namespace for the same keys in PDF. */
    public static final String XMP_NAMESPACE = "https://marking.dev/ns/1.0/";

    private MetadataKeys() {
    }
}
