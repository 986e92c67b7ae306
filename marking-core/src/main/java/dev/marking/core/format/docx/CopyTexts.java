package dev.marking.core.format.docx;

import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;

/**
 * The strings that differ between numbered copies of one document, as the stamper writes them (not
 * yet XML-escaped). A {@link CopyTemplate} stamps {@link #placeholders} once and fills in each copy.
 *
 * @param copy            six digits of the first-page block, or ""
 * @param footer          the footer line ({@code 第000123份}), or ""
 * @param watermark       the watermark's lines ({@code 机密★5年 第000123份 张三}), joined by line breaks
 * @param watermarkBox    the watermark shape's size as VML style text, which follows the text's length
 * @param covert          the zero-width copy mark ({@link CovertMark}), or ""
 * @param recipient       the recipient for the metadata, or ""
 * @param outlineWidth    the DrawingML watermark's width in EMU ({@link WatermarkOutline})
 * @param outlineHeight   its height in EMU
 * @param outlinePath     its glyph outlines, an {@code a:path} element (XML, written as it is)
 */
record CopyTexts(String copy, String footer, String watermark, String watermarkBox, String covert,
        String recipient, String outlineWidth, String outlineHeight, String outlinePath) {

    /** First and last character of a placeholder: private-use code points no real text of ours carries. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    /** Placeholder letters run from {@code a} (copy) to this one (the outline's path). */
    static final char LAST_LETTER = 'i';

    /** The values for one real stamp. */
    static CopyTexts of(StampOptions options) {
        Marking m = options.marking();
        String watermark = String.join("\n", options.watermarkLines());
        WatermarkOutline outline = options.watermark() ? WatermarkOutline.of(watermark) : new WatermarkOutline(0, 0, "");
        return new CopyTexts(m.copy().map(CopyNumber::formatted).orElse(""), options.footerText().orElse(""),
                watermark, WatermarkShape.box(watermark), m.copy().map(CovertMark::encode).orElse(""),
                m.recipient().orElse(""), Long.toString(outline.width()), Long.toString(outline.height()),
                outline.path());
    }

    /** Placeholders {@code \uE000<nonce><letter>\uE001}, one letter per field in declaration order ({@code a}–{@code i}). */
    static CopyTexts placeholders(String nonce) {
        return new CopyTexts(slot(nonce, 'a'), slot(nonce, 'b'), slot(nonce, 'c'), slot(nonce, 'd'), slot(nonce, 'e'),
                slot(nonce, 'f'), slot(nonce, 'g'), slot(nonce, 'h'), slot(nonce, 'i'));
    }

    /** The field for placeholder letter {@code a}–{@code i} as the package holds it: XML-escaped text, the path as XML. */
    String escaped(char letter) {
        if (letter == 'i') {
            return outlinePath;
        }
        String raw = switch (letter) {
            case 'a' -> copy;
            case 'b' -> footer;
            case 'c' -> watermark;
            case 'd' -> watermarkBox;
            case 'e' -> covert;
            case 'f' -> recipient;
            case 'g' -> outlineWidth;
            case 'h' -> outlineHeight;
            default -> throw new IllegalArgumentException("no placeholder " + letter);
        };
        return Fragments.written(raw);
    }

    private static String slot(String nonce, char letter) {
        return OPEN + nonce + letter + CLOSE;
    }
}
