package dev.marking.core.format.pdf;

import dev.marking.core.format.CjkFontFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts a stamp is drawn with, embedded as subset TrueType (Type 0, Identity-H). Resolution order:
 * the caller's font, known system fonts (黑体/SimHei first, as GB/T 9704 asks, then WenQuanYi and AR PL),
 * then Noto Sans SC bundled with marking (SIL OFL 1.1). Text the chosen font has no glyph for is drawn
 * with the bundled font.
 */
final class StampFonts implements Closeable, StampGlyphs {

    /** Bundled default (see {@link CjkFontFiles#BUNDLED}). */
    static final String BUNDLED = CjkFontFiles.BUNDLED;

    /** System fonts tried in order when the caller names none. */
    static final List<Path> SYSTEM_FONTS = CjkFontFiles.SYSTEM;

    private final PDDocument doc;
    private final List<Closeable> open = new ArrayList<>();
    private final PDType0Font primary;
    private final String primaryName;
    private PDType0Font bundled;

    private StampFonts(PDDocument doc, Optional<Path> preferred, List<Path> candidates) throws IOException {
        this.doc = doc;
        PDType0Font chosen = null;
        String name = BUNDLED;
        if (preferred.isPresent()) {
            chosen = load(preferred.get());
            name = preferred.get().toString();
        } else {
            for (Path p : candidates) {
                if (Files.isRegularFile(p)) {
                    chosen = tryLoad(p);
                    if (chosen != null) {
                        name = p.toString();
                        break;
                    }
                }
            }
        }
        this.primary = chosen != null ? chosen : bundled();
        this.primaryName = name;
    }

    /** Fonts for {@code doc}; {@code preferred} must load, system {@code candidates} are skipped when broken. */
    static StampFonts open(PDDocument doc, Optional<Path> preferred, List<Path> candidates) throws IOException {
        return new StampFonts(doc, preferred, candidates);
    }

    /** The font that can draw every character of {@code text}: the chosen font, else the bundled one. */
    PDType0Font fontFor(String text) throws IOException {
        return canEncode(primary, text) ? primary : bundled();
    }

    /** 0 for the chosen font, 1 for the bundled fallback: a stable part of the font's resource name. */
    int indexOf(PDType0Font font) {
        return font == primary ? 0 : 1;
    }

    /** The font {@link #indexOf} numbers {@code index}; 1 loads the bundled font when it is not loaded yet. */
    PDType0Font font(int index) throws IOException {
        return index == 0 ? primary : bundled();
    }

    @Override
    public int fontIndex(String text) throws IOException {
        return indexOf(fontFor(text));
    }

    @Override
    public byte[] encode(String text) throws IOException {
        PDType0Font font = fontFor(text);
        text.codePoints().forEach(font::addToSubset);
        return font.encode(text);
    }

    @Override
    public float width(String text) throws IOException {
        return fontFor(text).getStringWidth(text) / 1000f;
    }

    /** Where the chosen font came from (a path, or the bundled font's name). */
    String primaryName() {
        return primaryName;
    }

    static boolean canEncode(PDType0Font font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private PDType0Font bundled() throws IOException {
        if (bundled == null) {
            try (InputStream in = CjkFontFiles.openBundled()) {
                bundled = PDType0Font.load(doc, in, true);
            }
        }
        return bundled;
    }

    private PDType0Font tryLoad(Path p) {
        try {
            return load(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private PDType0Font load(Path p) throws IOException {
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(p.toFile());
            open.add(ttc);
            TrueTypeFont first = CjkFontFiles.firstFont(ttc, p);
            return PDType0Font.load(doc, first, true);
        }
        return PDType0Font.load(doc, new RandomAccessReadBufferedFile(p.toFile()), true, false);
    }

    /**
     * Embeds the subsets of the characters drawn so far. PDFBox does this on save only for fonts set
     * through {@code PDPageContentStream}; our stamp writes its operators itself, so it must ask.
     */
    void embedSubsets() throws IOException {
        primary.subset();
        if (bundled != null && bundled != primary) {
            bundled.subset();
        }
    }

    /** Closes font files; call after the document was saved (subsetting reads them while saving). */
    @Override
    public void close() throws IOException {
        for (Closeable c : open) {
            c.close();
        }
        open.clear();
    }
}
