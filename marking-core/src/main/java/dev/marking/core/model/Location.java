package dev.marking.core.model;

import java.util.Comparator;

/**
 * Where in a document something is. Every field is optional (0 or null = not applicable); a location
 * with everything unset means "the whole file".
 *
 * @param part      {@code body}, {@code header:default}, {@code footer:first}, {@code metadata}, {@code comment}, …
 * @param section   1-based DOCX section, 0 when not applicable
 * @param page      1-based PDF page, 0 when not applicable
 * @param paragraph 1-based paragraph index within the part, 0 when not applicable
 * @param line      1-based line (text formats), 0 when not applicable
 * @param column    1-based character offset within the paragraph or line, 0 when not applicable
 */
public record Location(String part, int section, int page, int paragraph, int line, int column)
        implements Comparable<Location> {

    public static final Location FILE = new Location(null, 0, 0, 0, 0, 0);

    private static final Comparator<Location> ORDER = Comparator
            .<Location>comparingInt(Location::page)
            .thenComparingInt(Location::section)
            .thenComparing(Location::part, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Location::paragraph)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public static Location body(int paragraph) {
        return new Location("body", 0, 0, paragraph, 0, 0);
    }

    public static Location line(int line, int column) {
        return new Location("body", 0, 0, 0, line, column);
    }

    public static Location page(int page) {
        return new Location(null, 0, page, 0, 0, 0);
    }

    public static Location part(String part) {
        return new Location(part, 0, 0, 0, 0, 0);
    }

    public Location withColumn(int col) {
        return new Location(part, section, page, paragraph, line, col);
    }

    @Override
    public int compareTo(Location o) {
        return ORDER.compare(this, o);
    }

    /** A short human form: {@code page 2, paragraph 7}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "page", page);
        append(sb, "section", section);
        if (part != null && !"body".equals(part)) {
            sb.append(sb.length() > 0 ? ", " : "").append(part);
        }
        append(sb, "paragraph", paragraph);
        append(sb, "line", line);
        append(sb, "column", column);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, int value) {
        if (value > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(name).append(' ').append(value);
        }
    }
}
