package dev.marking.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Where stamps find a TrueType font with Chinese glyphs: 黑体/SimHei first, as GB/T 9704 asks, then
 * WenQuanYi and AR PL from Debian, and as the last resort Noto Sans SC bundled with marking (SIL OFL 1.1).
 * Every adapter that draws text uses this one list.
 */
public final class CjkFontFiles {

    /** System fonts tried in order when the caller names none. */
    public static final List<Path> SYSTEM = List.of(
            Path.of("C:/Windows/Fonts/simhei.ttf"),
            Path.of("/Library/Fonts/SimHei.ttf"),
            Path.of("/usr/share/fonts/truetype/simhei/simhei.ttf"),
            Path.of("/usr/share/fonts/truetype/msttcorefonts/simhei.ttf"),
            Path.of("/usr/share/fonts/simhei.ttf"),
            Path.of(System.getProperty("user.home"), ".fonts", "simhei.ttf"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"));

    /** The bundled font's name: Noto Sans SC Regular from npm {@code @expo-google-fonts/noto-sans-sc} 0.4.3. */
    public static final String BUNDLED = "NotoSansSC-Regular.ttf";

    private static final String BUNDLED_RESOURCE = "/dev/marking/core/format/pdf/" + BUNDLED;

    private CjkFontFiles() {
    }

    /** The bundled font's bytes; the caller closes the stream. */
    public static InputStream openBundled() throws IOException {
        InputStream in = CjkFontFiles.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new IOException("the bundled font " + BUNDLED + " is missing from the classpath");
        }
        return in;
    }

    /**
     * The first font of the collection {@code ttc}, read from {@code file}, parsed alone. Parsing every font of a
     * collection ({@code processAllFonts}) reads each one's large CJK character map: for WenQuanYi's two fonts that
     * was most of a one-page stamp's time after JVM start. The font names come from the table headers, which are
     * cheap to read.
     */
    public static TrueTypeFont firstFont(TrueTypeCollection ttc, Path file) throws IOException {
        List<String> names = new ArrayList<>();
        TrueTypeCollection.processAllFontHeaders(file.toFile(), h -> names.add(h.getName()));
        TrueTypeFont first = names.isEmpty() || names.get(0) == null ? null : ttc.getFontByName(names.get(0));
        if (first == null) {
            List<TrueTypeFont> all = new ArrayList<>();
            ttc.processAllFonts(all::add);
            first = all.isEmpty() ? null : all.get(0);
        }
        if (first == null) {
            throw new IOException(file + " holds no font");
        }
        return first;
    }
}
