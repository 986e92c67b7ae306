package dev.marking.core.format.ofd;

import dev.marking.core.format.CjkFontFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One TrueType font our stamp text is measured and drawn with: its advances place every glyph
 * ({@code DeltaX}), and a subset of it with exactly the characters drawn is embedded as the font's
 * {@code FontFile}, so any OFD reader shows the stamp as we laid it out. The font is read into memory
 * once; methods are synchronized because fontbox reads glyph tables lazily.
 */
final class StampFont {

    /** Tables a stand-alone subset needs (no hinting programs: they are large and readers do not need them). */
    private static final List<String> TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap", "name",
            "OS/2", "post");

    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final double unitsPerEm;
    private final String source;

    private StampFont(TrueTypeFont font, String source) throws IOException {
        this.font = font;
        this.cmap = font.getUnicodeCmapLookup();
        this.unitsPerEm = font.getUnitsPerEm();
        this.source = source;
        if (cmap == null || unitsPerEm <= 0) {
            throw new IOException(source + " has no Unicode character map");
        }
        if (!font.getTableMap().containsKey("glyf")) {
            throw new IOException(source + " has no TrueType outlines (CFF-flavoured OpenType cannot be subset here)");
        }
    }

    /** The font at {@code file} ({@code .ttf}, or the first font of a {@code .ttc}). */
    static StampFont load(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(Files.readAllBytes(file)));
            return new StampFont(CjkFontFiles.firstFont(ttc, file), file.toString());
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Noto Sans SC, bundled with marking. */
    static StampFont bundled() throws IOException {
        try (InputStream in = CjkFontFiles.openBundled()) {
            return parse(in.readAllBytes(), CjkFontFiles.BUNDLED);
        }
    }

    private static StampFont parse(byte[] bytes, String source) throws IOException {
        return new StampFont(new TTFParser().parse(new RandomAccessReadBuffer(bytes)), source);
    }

    /** Where the font came from (a path, or the bundled font's name). */
    String source() {
        return source;
    }

    /** True when every visible character of {@code text} has a glyph. */
    synchronized boolean covers(String text) throws IOException {
        for (int cp : text.codePoints().toArray()) {
            if (!Character.isWhitespace(cp) && cmap.getGlyphId(cp) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The advance of {@code cp} in ems (a space's when the font has no glyph for it). */
    synchronized double advance(int cp) throws IOException {
        int gid = cmap.getGlyphId(cp);
        if (gid == 0 && Character.isWhitespace(cp)) {
            gid = cmap.getGlyphId(' ');
        }
        return font.getAdvanceWidth(gid) / unitsPerEm;
    }

    /** Width of {@code text} in ems. */
    double width(String text) throws IOException {
        double w = 0;
        for (int cp : text.codePoints().toArray()) {
            w += advance(cp);
        }
        return w;
    }

    /** A stand-alone TrueType font with the glyphs of {@code codePoints} and a Unicode cmap for them. */
    synchronized byte[] subset(Set<Integer> codePoints) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
        for (int cp : new TreeSet<>(codePoints)) {
            subsetter.add(cp);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        return out.toByteArray();
    }
}
