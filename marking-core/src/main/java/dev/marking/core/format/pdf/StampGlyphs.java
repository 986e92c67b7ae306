package dev.marking.core.format.pdf;

import java.io.IOException;

/**
 * How the stamp's text becomes glyphs: which of the stamp fonts draws a line, its encoded bytes and its
 * width. {@link StampFonts} answers live (and adds to the font subsets); {@link FrozenGlyphs} answers
 * from tables made once, for copies drawn after the fonts were embedded.
 */
interface StampGlyphs {

    /** 0 for the chosen font, 1 for the bundled fallback (the {@code MarkingStampF<i>} resource). */
    int fontIndex(String text) throws IOException;

    /** The text's bytes for {@code Tj} in the font {@link #fontIndex} names. */
    byte[] encode(String text) throws IOException;

    /** The text's advance width at size 1. */
    float width(String text) throws IOException;
}
