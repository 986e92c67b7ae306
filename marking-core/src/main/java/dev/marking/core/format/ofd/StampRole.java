package dev.marking.core.format.ofd;

import java.util.Locale;
import java.util.Optional;

/**
 * What a piece of our stamp is. Every object we draw carries {@code Name="MarkingStamp.role"} (the
 * {@code Name} attribute every OFD graphic unit has), so reading and restamping can tell it from the
 * document's own content without any other bookkeeping.
 */
enum StampRole {
    HEADER, FOOTER, WATERMARK, BLOCK;

    /** Prefix of the names of our objects, resources and files. */
    static final String PREFIX = "MarkingStamp";

    /** The {@code Name} attribute value: {@code MarkingStamp.header}. */
    String objectName() {
        return PREFIX + "." + name().toLowerCase(Locale.ROOT);
    }

    /** The role an object's {@code Name} names, if it is one of ours. */
    static Optional<StampRole> of(String objectName) {
        if (objectName == null || !objectName.startsWith(PREFIX + ".")) {
            return Optional.empty();
        }
        String role = objectName.substring(PREFIX.length() + 1).toUpperCase(Locale.ROOT);
        for (StampRole r : values()) {
            if (r.name().equals(role)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** True when {@code objectName} marks anything of ours (a role we may not know any more included). */
    static boolean ours(String objectName) {
        return objectName != null && objectName.startsWith(PREFIX + ".");
    }
}
