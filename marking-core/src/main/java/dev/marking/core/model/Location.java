package dev.marking.core.model;

import dev.marking.core.text.Messages;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where in a document something is. Every field is optional (0 or null = not applicable); a location
 * with everything unset means "the whole file".
 *
 * @param part      {@code body}, {@code header:default}, {@code footer:first}, {@code metadata}, {@code comment}, …
 * @param section   1-based DOCX section, 0 when not applicable
 * @param page      1-based page, 0 when not applicable
 * @param paragraph 1-based paragraph index within the part, 0 when not applicable
 * @param line      1-based line (text formats), 0 when not applicable
 * @param column    1-based character offset within the paragraph or line, 0 when not applicable
 * @param sheet     a workbook's sheet by name ({@code Sheet1}), null when not applicable
 * @param cell      a cell of {@code sheet} in A1 notation ({@code C7}), null when not applicable
 * @param slide     1-based slide of a presentation, 0 when not applicable
 * @param ocr       set when the text here was read from a scanned page by OCR (with its confidence), else null
 */
public record Location(String part, int section, int page, int paragraph, int line, int column, String sheet,
        String cell, int slide, Ocr ocr) implements Comparable<Location> {

    public static final Location FILE = new Location(null, 0, 0, 0, 0, 0);

    private static final Pattern PLAIN_SHEET = Pattern.compile("[\\p{L}\\p{N}_]+");
    /** Cells in reading order: by row, then by column ({@code B2} before {@code AA2} before {@code A3}). */
    private static final Comparator<String> CELL_ORDER = Comparator
            .<String>comparingLong(c -> row(c))
            .thenComparingInt(c -> c.replaceAll("[^A-Za-z]", "").length())
            .thenComparing(c -> c.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT));
    private static final Comparator<Location> ORDER = Comparator
            .<Location>comparingInt(Location::page)
            .thenComparingInt(Location::section)
            .thenComparingInt(Location::slide)
            .thenComparing(Location::sheet, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Location::part, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Location::paragraph)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column)
            .thenComparing(Location::cell, Comparator.nullsFirst(CELL_ORDER))
            .thenComparingInt(l -> l.ocr() == null ? Integer.MIN_VALUE : l.ocr().confidence());

    /** A place in a document without sheet, cell or slide (word processors, PDF, text). */
    public Location(String part, int section, int page, int paragraph, int line, int column) {
        this(part, section, page, paragraph, line, column, null, null, 0, null);
    }

    public static Location body(int paragraph) {
        return new Location("body", 0, 0, paragraph, 0, 0);
    }

    public static Location line(int line, int column) {
        return new Location("body", 0, 0, 0, line, column);
    }

    public static Location page(int page) {
        return new Location(null, 0, page, 0, 0, 0);
    }

    public static Location section(int section) {
        return new Location(null, section, 0, 0, 0, 0);
    }

    public static Location part(String part) {
        return new Location(part, 0, 0, 0, 0, 0);
    }

    /** A slide of a presentation. */
    public static Location slide(int slide) {
        return new Location(null, 0, 0, 0, 0, 0, null, null, slide, null);
    }

    /** A whole sheet of a workbook. */
    public static Location sheet(String sheet) {
        return new Location(null, 0, 0, 0, 0, 0, sheet, null, 0, null);
    }

    /** One cell of a sheet: {@code Sheet1!C7}. */
    public static Location cell(String sheet, String cell) {
        return new Location(null, 0, 0, 0, 0, 0, sheet, cell, 0, null);
    }

    public Location withColumn(int col) {
        return new Location(part, section, page, paragraph, line, col, sheet, cell, slide, ocr);
    }

    public Location withPart(String p) {
        return new Location(p, section, page, paragraph, line, column, sheet, cell, slide, ocr);
    }

    public Location withParagraph(int p) {
        return new Location(part, section, page, p, line, column, sheet, cell, slide, ocr);
    }

    /** This place, read from a scan by OCR with {@code reading}'s confidence (null: not read by OCR). */
    public Location withOcr(Ocr reading) {
        return new Location(part, section, page, paragraph, line, column, sheet, cell, slide, reading);
    }

    @Override
    public int compareTo(Location o) {
        return ORDER.compare(this, o);
    }

    private static long row(String cell) {
        String digits = cell.replaceAll("[^0-9]", "");
        return digits.isEmpty() || digits.length() > 12 ? 0 : Long.parseLong(digits);
    }

    /** A short form in English, for machine-read reports (SARIF logical locations): {@code page 2, paragraph 7}. */
    public String describe() {
        return describe(Messages.forLang("en"));
    }

    /**
     * A short form in the language of {@code messages}: {@code page 2, paragraph 7} / {@code 第2页第7段},
     * {@code Sheet1!C7}, {@code slide 3}, {@code page 1 (OCR 87%)}; empty for the whole file.
     */
    public String describe(Messages messages) {
        StringBuilder sb = new StringBuilder();
        append(sb, messages, "where.page", page);
        if (ocr != null) {
            String read = ocr.hasConfidence() ? messages.format("where.ocr.confidence", ocr.confidence())
                    : messages.format("where.ocr");
            sb.append(sb.length() > 0 ? messages.format("where.ocr.after") : "").append(read);
        }
        append(sb, messages, "where.section", section);
        append(sb, messages, "where.slide", slide);
        if (sheet != null) {
            String name = PLAIN_SHEET.matcher(sheet).matches() ? sheet : "'" + sheet.replace("'", "''") + "'";
            add(sb, messages, cell == null ? messages.format("where.sheet", name) : name + "!" + cell);
        }
        if (part != null && !"body".equals(part)) {
            add(sb, messages, part(part, messages));
        }
        append(sb, messages, "where.paragraph", paragraph);
        append(sb, messages, "where.line", line);
        append(sb, messages, "where.column", column);
        return sb.toString();
    }

    /** {@code header:first} → {@code 页眉（首页）} where the bundle names the part; else the part as it is. */
    private static String part(String part, Messages messages) {
        int colon = part.indexOf(':');
        String head = colon < 0 ? part : part.substring(0, colon);
        if (!messages.has("where.part." + head)) {
            return part;
        }
        String name = messages.format("where.part." + head);
        if (colon < 0) {
            return name;
        }
        String detail = part.substring(colon + 1);
        String detailName = messages.has("where.slot." + detail) ? messages.format("where.slot." + detail) : detail;
        return messages.format("where.part.detail", name, detailName);
    }

    private static void append(StringBuilder sb, Messages messages, String key, int value) {
        if (value > 0) {
            add(sb, messages, messages.format(key, value));
        }
    }

    private static void add(StringBuilder sb, Messages messages, String text) {
        sb.append(sb.length() > 0 ? messages.format("where.separator") : "").append(text);
    }
}
