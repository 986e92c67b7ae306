package dev.marking.core.format.text;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.EarlierBlock;
import dev.marking.core.format.Interruption;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.text.TextBytes;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text file split into lines, with its charset (UTF-8, else GB18030 as older Chinese tools write),
 * whether it starts with a byte order mark (kept when written back), Markdown front matter (YAML
 * {@code ---} or TOML {@code +++}) and any block an earlier stamp or a hand wrote ({@link EarlierBlock}).
 * A file larger than {@link #MAX_BYTES} or with a line longer than {@link #MAX_LINE_CHARS} is refused with the limit
 * named: the rules' work and findings grow with it (one 63 MB line gave 1.4 million findings and a full heap).
 */
final class TextDocument {

    /** The largest text file read (each byte becomes up to two in memory, then lines and findings). */
    static final long MAX_BYTES = 128L << 20;
    /** The longest line read, in characters (a prose paragraph has a few thousand). */
    static final int MAX_LINE_CHARS = 1_000_000;

    private static final MarkingParser PARSER = MarkingParser.standard();

    private final List<String> lines;
    private final Charset charset;
    private final boolean bom;
    private final String newline;
    private final int frontMatterEnd;

    private TextDocument(String text, Charset charset, boolean bom) {
        this.charset = charset;
        this.bom = bom;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.lines = Arrays.asList(text.split("\r?\n", -1));
        this.frontMatterEnd = frontMatterEnd(lines);
    }

    static TextDocument load(Path file) throws DocumentException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new DocumentException(file, DocumentException.Kind.UNREADABLE, String.format(
                        "a text file larger than %,d bytes (%,d bytes)", MAX_BYTES, size));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DocumentException(file, DocumentException.Kind.UNREADABLE, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        if (looksBinary(bytes)) {
            throw new DocumentException(file, DocumentException.Kind.UNREADABLE, "not a text file (binary content)");
        }
        try {
            TextBytes decoded = TextBytes.decode(bytes);
            boolean bom = decoded.charset().equals(StandardCharsets.UTF_8) && bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
            TextDocument doc = new TextDocument(decoded.text(), decoded.charset(), bom);
            for (int i = 0; i < doc.lines.size(); i++) {
                Interruption.check();
                if (doc.lines.get(i).length() > MAX_LINE_CHARS) {
                    throw new DocumentException(file, DocumentException.Kind.UNREADABLE, String.format(
                            "line %,d is longer than %,d characters (%,d)", i + 1, MAX_LINE_CHARS,
                            doc.lines.get(i).length()));
                }
            }
            return doc;
        } catch (CharacterCodingException e) {
            throw new DocumentException(file, DocumentException.Kind.UNREADABLE, "neither UTF-8 nor GB18030 text", e);
        }
    }

    List<String> lines() {
        return lines;
    }

    Charset charset() {
        return charset;
    }

    /** True when the file starts with a byte order mark, which the stamped copy keeps. */
    boolean bom() {
        return bom;
    }

    /** Index of the first line after Markdown front matter. */
    int contentStart() {
        return frontMatterEnd;
    }

    /** The text with {@code block} as its first lines, replacing one an earlier stamp wrote. */
    String withBlock(List<String> block, boolean paragraphs) {
        List<String> out = new ArrayList<>(lines.subList(0, frontMatterEnd));
        for (String line : block) {
            out.add(line);
            if (paragraphs) {
                out.add("");
            }
        }
        if (!paragraphs) {
            out.add("");
        }
        int rest = skipOldBlock(frontMatterEnd);
        out.addAll(lines.subList(rest, lines.size()));
        return String.join(newline, out);
    }

    /** A line without Markdown heading, quote or emphasis markers. */
    static String plain(String line) {
        return line.strip().replaceFirst("^(#{1,6}|>)\\s*", "").replaceAll("^\\*\\*(.*)\\*\\*$", "$1").strip();
    }

    /** The first line after the earlier block starting at {@code from} (and the blank lines after it), or {@code from}. */
    private int skipOldBlock(int from) {
        List<String> rest = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            rest.add(plain(line));
        }
        List<Integer> block = EarlierBlock.lines(rest, PARSER);
        if (block.isEmpty()) {
            return from;
        }
        int i = from + block.get(block.size() - 1) + 1;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** The line after YAML ({@code ---}) or TOML ({@code +++}) front matter, or 0 when there is none. */
    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        String fence = lines.get(0).strip();
        if (!"---".equals(fence) && !"+++".equals(fence)) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (fence.equals(lines.get(i).strip())) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
