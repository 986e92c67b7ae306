package dev.marking.core.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who receives a copy: read from a UTF-8 CSV with the header {@code name,unit}. The name is kept
 * verbatim for the watermark and ledger, and sanitised for file names.
 *
 * @param name person or office
 * @param unit their unit, may be empty
 */
public record Recipient(String name, String unit) {

    private static final int MAX_FILE_PART = 40;

    /** Reads a recipients file; errors name the file and line. */
    public static List<Recipient> read(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().replace(" ", "").equals("name,unit")) {
            throw new IOException(csv + ":1: the first line must be the header name,unit");
        }
        List<Recipient> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = cells(lines.get(i));
            if (cells.size() > 2 || cells.get(0).isBlank()) {
                throw new IOException(csv + ":" + (i + 1) + ": expected name,unit with a name");
            }
            Recipient r = new Recipient(cells.get(0).strip(), cells.size() > 1 ? cells.get(1).strip() : "");
            if (hasControl(r.name) || hasControl(r.unit)) {
                // checked before the first copy is made: the name goes into every copy's watermark and metadata
                throw new IOException(csv + ":" + (i + 1) + ": a control or direction character in the name or unit");
            }
            out.add(r);
        }
        if (out.isEmpty()) {
            throw new IOException(csv + ": no recipients");
        }
        return out;
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT);
    }

    /** Text for the watermark: {@code 张三（办公室）} or just the name. */
    public String label() {
        return unit.isEmpty() ? name : name + "（" + unit + "）";
    }

    /** The name made safe for a file name: no separators, dots at the start, control or reserved characters. */
    public String fileNamePart() {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> {
            boolean bad = Character.isISOControl(cp) || "/\\:*?\"<>|".indexOf(cp) >= 0 || Character.isWhitespace(cp)
                    || Character.getType(cp) == Character.FORMAT;
            sb.appendCodePoint(bad ? '_' : cp);
        });
        String s = sb.toString().replaceAll("^[._]+", "").replaceAll("\\.{2,}", "_");
        if (s.codePointCount(0, s.length()) > MAX_FILE_PART) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_FILE_PART));
        }
        return s.isEmpty() ? "recipient" : s;
    }

    /** Splits one CSV line, honouring double quotes. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
