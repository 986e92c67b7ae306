package dev.marking.core.format.ocr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores the star of a secrecy mark that OCR misread. The Chinese models have next to no ★ in their
 * training and read it as some character they know (太, 女, 友, 妈, 長, 大, …). Between a level word and a
 * term such a character can only be the star: on a line that is nothing but a mark ({@code 机密妈5年})
 * any one character there becomes ★; inside a longer line only the usual misreadings do, so that prose
 * such as {@code 秘密的3个月} stays as it is. Stars the parser accepts as written (☆, *) stay too.
 */
final class MarkGlyphs {

    private static final String LEVEL = "(绝密|机密|秘密|絕密|機密|祕密)";
    private static final String TERM = "(?:[0-9０-９]{1,3}\\s?(?:年|个月|個月)|[一二三四五六七八九十两兩]{1,3}(?:年|个月|個月)|长期|長期"
            + "|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)";
    /** A line that is one mark: level, one character in the star's place, term. */
    private static final Pattern MARK_LINE = Pattern.compile("^(\\s*" + LEVEL + ")\\s?([^\\s0-9０-９一二三四五六七八九十两兩★☆*＊])\\s?("
            + TERM + "\\s*)$");
    /** Inside a line: the characters OCR is known to read for ★, followed by the start of a term. */
    private static final Pattern MISREAD_STAR = Pattern.compile(LEVEL + "\\s?[太女友妈大犬火夫食文xX×※+]\\s?(?=" + TERM + ")");

    /**
     * A line that is a copy number with a stroke OCR saw at its end or after/before its first/last digit
     * ({@code 834657/}, {@code 7/55090}); a date such as {@code 2023/12} does not split that way.
     */
    private static final Pattern COPY_WITH_STROKE = Pattern.compile(
            "^\\s*(?:[0-9]{6}[/|]|[/|][0-9]{6}|[0-9][/|][0-9]{5}|[0-9]{5}[/|][0-9])\\s*$");

    private MarkGlyphs() {
    }

    /**
     * {@code line} with misread stars of marks made ★ again, and a copy-number line freed of the one stroke
     * OCR read into it.
     */
    static String restore(String line) {
        if (COPY_WITH_STROKE.matcher(line).matches()) {
            return line.replaceAll("[\\s/|]", "");
        }
        Matcher whole = MARK_LINE.matcher(line);
        if (whole.matches()) {
            return whole.group(1) + "★" + whole.group(4);
        }
        Matcher m = MISREAD_STAR.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "★"));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
