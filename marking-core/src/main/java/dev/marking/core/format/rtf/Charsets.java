package dev.marking.core.format.rtf;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/** The Windows code pages RTF names with {@code \ansicpgN}, {@code \cpgN} and {@code \fcharsetN}, as Java charsets. */
final class Charsets {

    static final Charset WESTERN = Charset.forName("windows-1252");

    /** {@code \fcharset} values (Windows character sets) and their code pages. */
    private static final Map<Integer, Integer> FONT_CHARSETS = Map.ofEntries(
            Map.entry(77, 10000), Map.entry(128, 932), Map.entry(129, 949), Map.entry(130, 1361),
            Map.entry(134, 936), Map.entry(136, 950), Map.entry(161, 1253), Map.entry(162, 1254),
            Map.entry(163, 1258), Map.entry(177, 1255), Map.entry(178, 1256), Map.entry(186, 1257),
            Map.entry(204, 1251), Map.entry(222, 874), Map.entry(238, 1250), Map.entry(255, 437));

    private Charsets() {
    }

    /** The charset of a Windows code page ({@code 936} is GBK, read as its superset GB18030); null when unknown. */
    static Charset codePage(int cp) {
        return switch (cp) {
            case 936, 54936 -> Charset.forName("GB18030");
            case 950 -> named("x-windows-950", "Big5");
            case 932 -> named("windows-31j", "Shift_JIS");
            case 949 -> named("x-windows-949", "EUC-KR");
            case 65001 -> StandardCharsets.UTF_8;
            case 10000 -> named("x-MacRoman", null);
            default -> named("windows-" + cp, "x-windows-" + cp, "Cp" + cp, "IBM" + cp);
        };
    }

    /** The code page of a font's {@code \fcharsetN}; 0 (ANSI), 1 (default) and unknown ones defer to the document's. */
    static Charset fontCharset(int fcharset) {
        Integer cp = FONT_CHARSETS.get(fcharset);
        return cp == null ? null : codePage(cp);
    }

    private static Charset named(String... names) {
        for (String n : names) {
            if (n == null) {
                continue;
            }
            try {
                return Charset.forName(n);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // try the next spelling
            }
        }
        return null;
    }
}
