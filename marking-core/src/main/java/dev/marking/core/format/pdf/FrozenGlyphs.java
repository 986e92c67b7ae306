package dev.marking.core.format.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Glyph tables for a known set of characters, made once while the stamp fonts are still open; after
 * that it is immutable and safe to share between threads. A text with a character outside the set
 * cannot be drawn ({@link MissingGlyphException}), and the caller stamps that copy the ordinary way.
 */
final class FrozenGlyphs implements StampGlyphs {

    /** A character the tables were not made for. */
    static final class MissingGlyphException extends IOException {
        private static final long serialVersionUID = 1L;

        MissingGlyphException(String text) {
            super("no prepared glyph for a character of \"" + text + "\"");
        }
    }

    /** Encoded bytes and width (size 1) per code point, for font 0 and font 1. */
    private final List<Map<Integer, Glyph>> tables;

    private record Glyph(byte[] code, float width) {
    }

    private FrozenGlyphs(List<Map<Integer, Glyph>> tables) {
        this.tables = tables;
    }

    /**
     * Adds every character of {@code chars} to the subsets of {@code fonts} and remembers its glyph. The
     * bundled font is used (and embedded) only when the chosen font lacks one of the characters.
     */
    static FrozenGlyphs of(StampFonts fonts, String chars) throws IOException {
        Map<Integer, Glyph> primary = table(fonts.font(0), chars);
        boolean complete = chars.codePoints().allMatch(primary::containsKey);
        Map<Integer, Glyph> bundled = complete || fonts.font(0) == fonts.font(1) ? primary : table(fonts.font(1), chars);
        return new FrozenGlyphs(List.of(primary, bundled));
    }

    private static Map<Integer, Glyph> table(PDType0Font font, String chars) {
        Map<Integer, Glyph> out = new HashMap<>();
        chars.codePoints().distinct().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            if (StampFonts.canEncode(font, s)) {
                try {
                    byte[] code = font.encode(s);
                    out.put(cp, new Glyph(code, font.getStringWidth(s) / 1000f));
                    font.addToSubset(cp);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return Map.copyOf(out);
    }

    /** True when some character needs the bundled fallback font (resource {@code MarkingStampF1}). */
    boolean usesFallback() {
        return tables.get(1) != tables.get(0);
    }

    @Override
    public int fontIndex(String text) throws IOException {
        for (int i = 0; i < tables.size(); i++) {
            if (text.codePoints().allMatch(tables.get(i)::containsKey)) {
                return i;
            }
        }
        throw new MissingGlyphException(text);
    }

    @Override
    public byte[] encode(String text) throws IOException {
        Map<Integer, Glyph> t = tables.get(fontIndex(text));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text.codePoints().forEach(cp -> out.writeBytes(t.get(cp).code()));
        return out.toByteArray();
    }

    @Override
    public float width(String text) throws IOException {
        Map<Integer, Glyph> t = tables.get(fontIndex(text));
        float w = 0;
        for (int cp : text.codePoints().toArray()) {
            w += t.get(cp).width();
        }
        return w;
    }
}
