package dev.marking.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds Traditional Chinese to Simplified one character at a time (OpenCC's {@code TSCharacters.txt}),
 * together with full-width forms ({@link Widths}), so the result has the input's length and an offset
 * found in it quotes the original as written. Also writes Simplified text in Traditional characters
 * (OpenCC's {@code STCharacters.txt}) for stamping under {@code marking.script: traditional}.
 * Characters outside the Basic Multilingual Plane, and mappings to more than one character, are left
 * as they are: they would break the one-to-one offsets.
 */
public final class ScriptFolding {

    private static final String DIR = "/dev/marking/core/text/opencc/";

    private ScriptFolding() {
    }

    /** The text rules and parsers match on: Simplified, half-width, same length as {@code s}. */
    public static String fold(CharSequence s) {
        char[] table = Tables.SIMPLIFIED;
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = Widths.fold(s.charAt(i));
            out[i] = table[c];
        }
        return new String(out);
    }

    /** One character folded as by {@link #fold(CharSequence)}. */
    public static char fold(char c) {
        return Tables.SIMPLIFIED[Widths.fold(c)];
    }

    /** {@code s} written in Traditional characters (OpenCC's first choice for each character). */
    public static String toTraditional(CharSequence s) {
        char[] table = Tables.TRADITIONAL;
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = table[s.charAt(i)];
        }
        return new String(out);
    }

    /** The tables, read once on first use; every slot maps a char to itself unless OpenCC says otherwise. */
    private static final class Tables {
        static final char[] SIMPLIFIED = read("TSCharacters.txt");
        static final char[] TRADITIONAL = read("STCharacters.txt");

        private Tables() {
        }

        private static char[] read(String name) {
            char[] table = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c < table.length; c++) {
                table[c] = (char) c;
            }
            try (InputStream in = ScriptFolding.class.getResourceAsStream(DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + DIR + name);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int tab = line.indexOf('\t');
                    if (line.startsWith("#") || tab != 1) {
                        continue; // comments, and keys outside the BMP (two chars before the tab)
                    }
                    String first = line.substring(tab + 1).split(" ", 2)[0];
                    if (first.length() == 1) {
                        table[line.charAt(0)] = first.charAt(0);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DIR + name, e);
            }
            return table;
        }
    }
}
