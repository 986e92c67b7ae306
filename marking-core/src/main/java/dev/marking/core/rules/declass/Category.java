package dev.marking.core.rules.declass;

import java.util.Locale;

/** What kind of thing a placeholder hides; decides which placeholders count and how the message reads. */
public enum Category {
    MILITARY("military.txt"),
    ORGANISATION("organisations.txt"),
    PLACE("places.txt"),
    PERSON("titles.txt"),
    EQUIPMENT("equipment.txt"),
    PROJECT("projects.txt"),
    THING("things.txt"),
    QUANTITY("quantities.txt"),
    CODE(null),
    SECRET(null),
    NEUTRAL("neutral.txt");

    private final String file;

    Category(String file) {
        this.file = file;
    }

    /** The lexicon file of context terms in this category, or null when it has none. */
    String file() {
        return file;
    }

    /** Message key of the category's name ({@code declass.category.military}). */
    public String messageKey() {
        return "declass.category." + name().toLowerCase(Locale.ROOT);
    }

    /** True for entities whose real name may be written elsewhere (units, places, people, projects). */
    boolean named() {
        return this == MILITARY || this == ORGANISATION || this == PLACE || this == PERSON
                || this == EQUIPMENT || this == PROJECT || this == SECRET;
    }
}
