package dev.marking.core.format.ofd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the font a stamp is drawn with and keeps it loaded for the adapter's lifetime (reading a CJK font
 * takes most of a second): the caller's font, else the first system font that has every glyph, else the
 * bundled Noto Sans SC. Safe for concurrent use.
 */
final class FontChoice {

    private static final String BUNDLED_KEY = "";

    private final List<Path> systemFonts;
    private final Map<String, Optional<StampFont>> loaded = new HashMap<>();

    FontChoice(List<Path> systemFonts) {
        this.systemFonts = List.copyOf(systemFonts);
    }

    /** The font for {@code text}; a {@code preferred} font that cannot be read is an {@link IOException}. */
    StampFont forText(Optional<Path> preferred, String text) throws IOException {
        if (preferred.isPresent()) {
            StampFont f = load(preferred.get()).orElseThrow(() -> new IOException(preferred.get()
                    + " is not a readable TrueType font (.ttf/.ttc)"));
            return f.covers(text) ? f : bundledOr(f, text);
        }
        for (Path p : systemFonts) {
            if (Files.isRegularFile(p)) {
                Optional<StampFont> f = load(p);
                if (f.isPresent() && f.get().covers(text)) {
                    return f.get();
                }
            }
        }
        return bundledOr(null, text);
    }

    private StampFont bundledOr(StampFont other, String text) throws IOException {
        StampFont bundled;
        synchronized (loaded) {
            Optional<StampFont> b = loaded.get(BUNDLED_KEY);
            if (b == null) {
                b = Optional.of(StampFont.bundled());
                loaded.put(BUNDLED_KEY, b);
            }
            bundled = b.get();
        }
        return other == null || bundled.covers(text) ? bundled : other;
    }

    private Optional<StampFont> load(Path p) {
        String key = p.toAbsolutePath().toString();
        synchronized (loaded) {
            return loaded.computeIfAbsent(key, k -> {
                try {
                    return Optional.of(StampFont.load(p));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            });
        }
    }
}
