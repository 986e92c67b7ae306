package dev.marking.core.format.xlsx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One spreadsheet header or footer string ({@code &L左&C&"黑体,加粗"中&R第&P页}) split into its left,
 * centre and right sections. Each section keeps its raw text with the formatting codes, so an edit writes
 * back exactly what it does not touch; {@link #lines(Section, String)} gives what a reader sees.
 * Text before any section code belongs to the centre, as in Excel.
 */
final class HeaderFooterText {

    /** Excel refuses header and footer strings longer than this. */
    static final int MAX_LENGTH = 255;

    /** A section of a header or footer, with its code letter. */
    enum Section {
        LEFT('L'), CENTER('C'), RIGHT('R');

        private final char code;

        Section(char code) {
            this.code = code;
        }

        char code() {
            return code;
        }
    }

    private final Map<Section, String> sections = new EnumMap<>(Section.class);

    private HeaderFooterText() {
        for (Section s : Section.values()) {
            sections.put(s, "");
        }
    }

    /** Splits {@code raw} (null or empty for none) into its sections. */
    static HeaderFooterText parse(String raw) {
        HeaderFooterText t = new HeaderFooterText();
        if (raw == null) {
            return t;
        }
        Section current = Section.CENTER;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '&' && i + 1 < raw.length()) {
                Section next = section(raw.charAt(i + 1));
                if (next != null) {
                    t.sections.merge(current, sb.toString(), String::concat);
                    sb.setLength(0);
                    current = next;
                    i += 2;
                    continue;
                }
                int end = codeEnd(raw, i);
                sb.append(raw, i, end);
                i = end;
                continue;
            }
            sb.append(c);
            i++;
        }
        t.sections.merge(current, sb.toString(), String::concat);
        return t;
    }

    /** The raw text of {@code s}, codes included. */
    String raw(Section s) {
        return sections.get(s);
    }

    void set(Section s, String raw) {
        sections.put(s, raw);
    }

    /** True when no section has text or codes. */
    boolean isEmpty() {
        return sections.values().stream().allMatch(String::isEmpty);
    }

    /** True when {@code s} shows a picture ({@code &G}). */
    boolean hasPicture(Section s) {
        return !pictureCodes(raw(s)).isEmpty();
    }

    /** The header string again: {@code &L…&C…&R…}, empty sections left out. */
    String format() {
        StringBuilder sb = new StringBuilder();
        for (Section s : Section.values()) {
            if (!raw(s).isEmpty()) {
                sb.append('&').append(s.code()).append(raw(s));
            }
        }
        return sb.toString();
    }

    /** The raw lines of {@code s} ({@code \n} separates them). */
    List<String> rawLines(Section s) {
        return List.of(raw(s).split("\n", -1));
    }

    /** What a reader sees in {@code s}, line by line, fields filled in as far as known. */
    List<String> lines(Section s, String sheetName) {
        List<String> out = new ArrayList<>();
        for (String line : rawLines(s)) {
            out.add(display(line, sheetName));
        }
        return out;
    }

    /**
     * The visible text of one raw line: formatting codes dropped, {@code &&} as {@code &}, the sheet name
     * for {@code &A}, {@code #} for page numbers; date, time, file and picture codes show nothing here.
     */
    static String display(String raw, String sheetName) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '&' || i + 1 >= raw.length()) {
                if (c != '&') {
                    sb.append(c);
                }
                i++;
                continue;
            }
            char code = raw.charAt(i + 1);
            if (code == '&') {
                sb.append('&');
            } else if (code == 'A') {
                sb.append(sheetName);
            } else if (code == 'P' || code == 'N') {
                sb.append('#');
            }
            i = codeEnd(raw, i);
        }
        return sb.toString();
    }

    /** Positions of the {@code &G} codes in a raw section (each is two characters). */
    static List<Integer> pictureCodes(String raw) {
        List<Integer> at = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '&' && i + 1 < raw.length()) {
                if (raw.charAt(i + 1) == 'G') {
                    at.add(i);
                }
                i = codeEnd(raw, i);
            } else {
                i++;
            }
        }
        return at;
    }

    /** Where the code starting at {@code amp} ends: {@code &"font,style"}, {@code &12}, {@code &KFF0000}, {@code &B}. */
    private static int codeEnd(String raw, int amp) {
        int i = amp + 1;
        if (i >= raw.length()) {
            return raw.length();
        }
        char c = raw.charAt(i);
        if (c == '"') {
            int close = raw.indexOf('"', i + 1);
            return close < 0 ? raw.length() : close + 1;
        }
        if (Character.isDigit(c)) {
            int j = i;
            while (j < raw.length() && Character.isDigit(raw.charAt(j))) {
                j++;
            }
            return j;
        }
        if (c == 'K') {
            return Math.min(raw.length(), i + 7); // &KRRGGBB or a theme colour &Kxx+yyy, six characters either way
        }
        return i + 1;
    }

    private static Section section(char c) {
        for (Section s : Section.values()) {
            if (s.code() == c) {
                return s;
            }
        }
        return null;
    }
}
