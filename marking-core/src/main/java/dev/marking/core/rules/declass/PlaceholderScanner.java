package dev.marking.core.rules.declass;

import dev.marking.core.text.Widths;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds placeholders standing for names and figures in one text, in a single left-to-right pass:
 * every character is looked at once, and the bounded lexicon look-ups happen only where a letter,
 * symbol, {@code 某} or ordinal stem starts. Offsets refer to the original text (width folding keeps
 * lengths).
 */
public final class PlaceholderScanner {

    private static final String ORDINALS = "甲乙丙丁";
    private static final String NUMERALS = "两二三四五六七八九几多各";
    private static final String CLASSIFIERS = "个座处家所支艘架名";
    private static final String SEPARATORS = "、和与及或/";
    private static final String ASSIGN = "为是:： “\"「『‘'(（";
    private static final String JOINERS = "-._/@:'+&·";
    private static final String CHINESE_DIGITS = "零一二三四五六七八九十百千";
    private static final String WEAPON_ENDINGS = "车机弹舰艇炮箭星雷";
    private static final String FUNCTION = "的了已在和与及于将由是为等被把向对从到至可均都也并还正已经";
    private static final String DIMENSIONS = "长宽高深厚径行列)）";
    private static final int COMPOUND = 3;
    /** How far to look for the other half of a ** pair; bounded so that the scan stays linear. */
    private static final int NEAR = 120;
    private static final int MAX_ITEMS = 8;
    private static final int STAR = 1;
    private static final int TIMES = 2;
    private static final int CIRCLE = 3;
    private static final int SQUARE = 4;
    private static final int TRIANGLE = 5;

    private final DeclassLexicon lexicon;

    public PlaceholderScanner(DeclassLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The placeholders in {@code text}, in order; touching ones of one category ({@code X月X日}) are one. */
    public List<Placeholder> scan(String text) {
        return scanFolded(fold(text), false);
    }

    /** Width folding ({@link Widths#fold(char)}) plus look-alikes of X (Roman Ⅹ, Cyrillic Х, ╳); keeps the length. */
    public static String fold(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= '\u00A0') {
                out[i] = switch (c) {
                    case 'Ⅹ', 'Х' -> 'X';
                    case 'ⅹ', 'х' -> 'x';
                    case '╳' -> '×';
                    default -> Widths.fold(c);
                };
            }
        }
        return new String(out);
    }

    /**
     * As {@link #scan} for a text already folded with {@link #fold(String)}; {@code markdown} when the
     * text is Markdown source, where {@code **…**} is emphasis.
     */
    public List<Placeholder> scanFolded(String f, boolean markdown) {
        List<Placeholder> out = new ArrayList<>();
        int i = 0;
        while (i < f.length()) {
            i = Math.max(i + 1, step(f, i, out, markdown));
        }
        return out;
    }

    private int step(String f, int i, List<Placeholder> out, boolean markdown) {
        char c = f.charAt(i);
        if (c >= '\u4E00') { // most of a Chinese text: only 某 and the ordinal stems start a placeholder
            return c == '某' ? mou(f, i, out) : ORDINALS.indexOf(c) >= 0 ? ordinal(f, i, out) : i + 1;
        }
        if (isAsciiAlnum(c)) {
            return latin(f, i, out);
        }
        if (symbolClass(c) != 0) {
            return symbols(f, i, out, markdown);
        }
        if (c == '#') {
            return numbered(f, i, out);
        }
        return i + 1;
    }

    private int latin(String f, int i, List<Placeholder> out) {
        int j = alnumEnd(f, i);
        if (i >= 2 && isAsciiAlnum(f.charAt(i - 2)) && (f.charAt(i - 1) == ' ' || JOINERS.indexOf(f.charAt(i - 1)) >= 0)) {
            return identifierEnd(f, j); // iPhone X, Windows XP, GB/T: part of Latin text
        }
        int end = j;
        boolean masked = xMasked(f, i, j);
        boolean maskable = masked || digitsOnly(f, i, j);
        while (end + 1 < f.length() && JOINERS.indexOf(f.charAt(end)) >= 0 && isAsciiAlnum(f.charAt(end + 1))) {
            int k = alnumEnd(f, end + 1);
            boolean part = xMasked(f, end + 1, k);
            if (!(maskable && "-.·".indexOf(f.charAt(end)) >= 0 && (part || digitsOnly(f, end + 1, k)))) {
                return identifierEnd(f, k); // COVID-19, X-37B, Wi-Fi
            }
            masked |= part;
            end = k;
        }
        if (end > j && !masked) {
            return end; // 2023-2024, 1.5
        }
        PlaceholderKind kind = end > j ? PlaceholderKind.LETTERS : classify(f, i, j); // XX-XXX, X.X, X·XXXXX
        if (kind == null) {
            return isEnumerable(f, i, j) ? add(out, enumeration(f, i, j, false, true), j) : j;
        }
        Placeholder p = resolve(f, i, end, kind);
        if (p == null && kind == PlaceholderKind.LETTER) {
            p = enumeration(f, i, end, false, false);
        }
        if (p == null && kind == PlaceholderKind.LETTERS) {
            boolean upper = f.substring(i, end).indexOf('X') >= 0; // lpq.xxxx, 2.2.x: lower-case x is a variable
            p = bare(f, i, end, kind, upper);
        }
        return add(out, p == null ? null : withSurname(f, p), end);
    }

    private int symbols(String f, int i, List<Placeholder> out, boolean markdown) {
        int cls = symbolClass(f.charAt(i));
        int j = i;
        while (j < f.length() && symbolClass(f.charAt(j)) == cls) {
            j++;
        }
        boolean single = j - i == 1;
        char before = i > 0 ? f.charAt(i - 1) : ' ';
        boolean digitAfter = j < f.length() && isDigit(f.charAt(j));
        boolean note = single && cls == STAR && Character.isWhitespace(before); // a note or bullet: ＊日時は別途通知
        boolean dimension = single && cls == TIMES && (DIMENSIONS.indexOf(before) >= 0
                || j < f.length() && DIMENSIONS.indexOf(f.charAt(j)) >= 0); // 长×宽×高
        if (note || dimension || single && (cls == TIMES || cls == STAR) && (isAsciiAlnum(before) || digitAfter)
                || single && cls == SQUARE
                || cls == CIRCLE && CHINESE_DIGITS.indexOf(before) >= 0
                || cls == STAR && (isDigit(before) || digitAfter)) {
            return j; // 3×4, a check box, 二〇二〇年, 138****5678 (a phone number masked for privacy)
        }
        if (cls == STAR) {
            int close = emphasisEnd(f, i, j, markdown);
            if (close > 0) {
                return close; // **bold** in Markdown
            }
        }
        // a lone × between words masks a name (×型, 王×): multiplication stands between figures
        PlaceholderKind kind = single && cls != TIMES ? PlaceholderKind.SYMBOL : PlaceholderKind.SYMBOLS;
        Placeholder p = resolve(f, i, j, kind);
        if (p == null && kind.strong()) {
            boolean textAfter = j < f.length() && isHan(f.charAt(j));
            String run = f.substring(i, j);
            boolean paired = near(f, run, j, j + NEAR) >= 0 || near(f, run, i - NEAR, i - run.length() + 1) >= 0;
            boolean alone = cls == STAR ? run.length() >= 3 || !paired : cls != SQUARE || textAfter;
            p = bare(f, i, j, kind, alone); // 由***负责; not a ** pair, not 邮编□□□□□□ (a form)
        }
        int digits = i;
        while (p != null && digits > 0 && isDigit(f.charAt(digits - 1))) {
            digits--; // 20××年: the visible digits belong to the masked figure
        }
        if (p != null && digits < i) {
            p = new Placeholder(digits, p.end(), p.kind(), p.category(), p.term());
        }
        return add(out, p == null ? null : withSurname(f, p), j);
    }

    private int numbered(String f, int i, List<Placeholder> out) {
        int j = i + 1;
        while (j < f.length() && isDigit(f.charAt(j))) {
            j++;
        }
        if (j == i + 1 || i > 0 && isAsciiAlnum(f.charAt(i - 1))) {
            return j; // a hashtag, or 1#楼 (an ordinary building number)
        }
        return add(out, resolve(f, i, j, PlaceholderKind.NUMBERED), j);
    }

    private int mou(String f, int i, List<Placeholder> out) {
        boolean twice = i + 1 < f.length() && f.charAt(i + 1) == '某';
        int e = twice ? i + 2 : i + 1;
        if (i > 0 && lexicon.isSurname(f.charAt(i - 1)) || lexicon.allowedOverlaps(f, i, e)) {
            return e; // 张某 is how judgments anonymise a person; 某些, 某种 are ordinary words
        }
        PlaceholderKind kind = twice ? PlaceholderKind.MOU_MOU : PlaceholderKind.MOU;
        Placeholder p = resolve(f, i, e, kind);
        if (p == null && twice) {
            p = bare(f, i, e, kind, true);
        }
        return add(out, p, e);
    }

    private int ordinal(String f, int i, List<Placeholder> out) {
        if (lexicon.allowedOverlaps(f, i, i + 1)) {
            return i + 1; // 甲方, 乙肝, 装甲
        }
        Placeholder p = resolve(f, i, i + 1, PlaceholderKind.ORDINAL);
        return add(out, p != null ? p : enumeration(f, i, i + 1, true, false), i + 1);
    }

    /** The placeholder {@code [s, e)} with the context term after it, when that term makes it one. */
    private Placeholder resolve(String f, int s, int e, PlaceholderKind kind) {
        boolean spaced = e < f.length() && f.charAt(e) == ' ' && isAsciiAlnum(f.charAt(e - 1));
        int p = spaced ? e + 1 : e; // "XX GHz", "A 基地"; never after a symbol (bullets: "○ 项目")
        ContextTerm t = lexicon.termAt(f, p);
        for (int m = 2; t == null && m >= 1; m--) {
            ContextTerm u = lexicon.isModifier(f, p, m) ? lexicon.termAt(f, p + m) : null;
            if (u != null && u.category() != Category.QUANTITY) {
                t = u; // 某新型号, 某重点工程
                p += m;
            }
        }
        if (t == null) {
            return null;
        }
        int end = p + t.text().length();
        if ("号".equals(t.text())) {
            ContextTerm u = lexicon.termAt(f, end);
            if (u != null && u.category() != Category.NEUTRAL && u.category() != Category.QUANTITY) {
                t = u;
                end += u.text().length();
            } else if (kind == PlaceholderKind.SYMBOL) {
                return null; // 带*号的为必填项
            }
        } else if ("型".equals(t.text())) {
            ContextTerm u = lexicon.termAt(f, end);
            boolean equipment = u != null && !u.weak()
                    && (u.category() == Category.EQUIPMENT || u.category() == Category.MILITARY);
            int weapon = equipment ? end + u.text().length() : weaponEnd(f, end);
            boolean model = kind.strong() || kind == PlaceholderKind.MOU; // 某型 is army shorthand for 某型号
            if (end < f.length() && f.charAt(end) == '血' || weapon < 0 && !model) {
                return null; // A型血; U型管 and X型支架 are shapes
            }
            end = Math.max(end, weapon);
        }
        if (lexicon.allowedOverlaps(f, s, e)) {
            return null;
        }
        if (!eligible(kind, t, f.charAt(s))) {
            boolean maskedName = t.category() == Category.PERSON && s > 0 && lexicon.isSurname(f.charAt(s - 1))
                    && (kind == PlaceholderKind.SYMBOL || kind == PlaceholderKind.LETTER);
            return maskedName ? new Placeholder(s - 1, end, kind, t.category(), t.text()) : null; // 王×同志
        }
        return new Placeholder(s, end, kind, t.category(), t.text());
    }

    /** The end of a vehicle or weapon word of up to four characters at {@code p} (发射车, 歼击机), or -1. */
    private static int weaponEnd(String f, int p) {
        int last = -1;
        for (int k = p; k < p + 4 && k < f.length() && isHan(f.charAt(k)); k++) {
            boolean wordEnds = k + 1 >= f.length() || !isHan(f.charAt(k + 1)) || FUNCTION.indexOf(f.charAt(k + 1)) >= 0;
            last = WEAPON_ENDINGS.indexOf(f.charAt(k)) >= 0 && wordEnds ? k + 1 : last; // not A型车位
        }
        return last;
    }

    private static boolean eligible(PlaceholderKind kind, ContextTerm t, char first) {
        Category c = t.category();
        if (c == Category.NEUTRAL) {
            return false;
        }
        return switch (kind) {
            case FIGURE -> c == Category.QUANTITY;
            case LETTER -> c == Category.QUANTITY ? first == 'X' : !t.weak() || unknown(first, c);
            case SYMBOL -> c == Category.QUANTITY || !t.weak();
            case NUMBERED -> c != Category.QUANTITY;
            case ORDINAL -> (!t.weak() || c == Category.ORGANISATION) && c != Category.QUANTITY
                    && c != Category.PERSON; // 甲处 is a masked division; 丁部长 is Minister Ding
            case MOU -> !t.weak() && !t.commonAfterMou() && c != Category.QUANTITY;
            case MOU_MOU -> c != Category.QUANTITY;
            case LETTERS, SYMBOLS -> true;
        };
    }

    /** X, Y, Z are the letters for an unknown: X处, Y区, X计划 are placeholders where A区 is a wing. */
    private static boolean unknown(char letter, Category c) {
        return "XYZ".indexOf(letter) >= 0 && (c == Category.PLACE || c == Category.ORGANISATION || c == Category.PERSON
                || c == Category.PROJECT);
    }

    /** A strong placeholder with no context term after it: a cue before it, or Chinese text around it. */
    private Placeholder bare(String f, int s, int e, PlaceholderKind kind, boolean aloneCounts) {
        int k = s;
        for (int n = 0; n < 3 && k > 0 && ASSIGN.indexOf(f.charAt(k - 1)) >= 0; n++) {
            k--;
        }
        Category cue = lexicon.cueEndingAt(f, k);
        if (cue != null) {
            return new Placeholder(s, e, kind, cue, null);
        }
        boolean inChinese = s > 0 && isHan(f.charAt(s - 1)) || e < f.length() && isHan(f.charAt(e));
        if (inChinese && lexicon.allowedOverlaps(f, s, e)) {
            return null;
        }
        Placeholder compound = aloneCounts ? compound(f, s, e, kind) : null;
        if (compound != null) {
            return compound;
        }
        if (s > 0 && lexicon.isSurname(f.charAt(s - 1))) {
            return new Placeholder(s, e, kind, Category.PERSON, null);
        }
        return aloneCounts && inChinese ? new Placeholder(s, e, kind, Category.THING, null) : null;
    }

    /** ××核电站, ××芯片厂: a name body of up to {@value #COMPOUND} characters between the placeholder and its term. */
    private Placeholder compound(String f, int s, int e, PlaceholderKind kind) {
        for (int k = e + 1; k <= e + COMPOUND && k < f.length() && isHan(f.charAt(k - 1))
                && FUNCTION.indexOf(f.charAt(k - 1)) < 0; k++) {
            ContextTerm t = lexicon.termAt(f, k);
            if (t != null && t.category() != Category.NEUTRAL && t.category() != Category.QUANTITY) {
                return new Placeholder(s, k + t.text().length(), kind, t.category(), t.text());
            }
        }
        return null;
    }

    /** 王**, 张××: a surname right before a masked name belongs to the evidence. */
    private Placeholder withSurname(String f, Placeholder p) {
        boolean person = p.category() == Category.PERSON || p.category() == Category.THING;
        if (p.kind().strong() && person && p.start() > 0 && lexicon.isSurname(f.charAt(p.start() - 1))) {
            return new Placeholder(p.start() - 1, p.end(), p.kind(), Category.PERSON, p.term());
        }
        return p;
    }

    /** A、B两个基地, 甲、乙两所, AB两国: listed placeholders sharing one context term. */
    private Placeholder enumeration(String f, int s, int e, boolean ordinal, boolean needNumeral) {
        int q = e;
        boolean listed = false;
        while (q + 1 < f.length() && q - e < 2 * MAX_ITEMS && SEPARATORS.indexOf(f.charAt(q)) >= 0
                && isItem(f, q + 1, ordinal)) {
            q += 2;
            listed = true;
        }
        boolean numeral = q < f.length() && NUMERALS.indexOf(f.charAt(q)) >= 0;
        if (numeral) {
            q++;
            q += q < f.length() && CLASSIFIERS.indexOf(f.charAt(q)) >= 0 ? 1 : 0;
        }
        if (!numeral && (needNumeral || !listed)) {
            return null;
        }
        ContextTerm t = lexicon.termAt(f, q);
        if (t == null || t.weak() || t.category() == Category.NEUTRAL || t.category() == Category.QUANTITY
                || lexicon.allowedOverlaps(f, s, e)) {
            return null;
        }
        return new Placeholder(s, q + t.text().length(), ordinal ? PlaceholderKind.ORDINAL : PlaceholderKind.LETTER,
                t.category(), t.text());
    }

    private static boolean isItem(String f, int k, boolean ordinal) {
        if (ordinal) {
            return ORDINALS.indexOf(f.charAt(k)) >= 0;
        }
        return isUpper(f.charAt(k)) && (k + 1 == f.length() || !isAsciiAlnum(f.charAt(k + 1)));
    }

    /** Two or three different capitals (AB, ABC) may list places, as in AB两地. */
    private static boolean isEnumerable(String f, int i, int j) {
        if (j - i < 2 || j - i > 3) {
            return false;
        }
        for (int k = i; k < j; k++) {
            if (!isUpper(f.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static PlaceholderKind classify(String f, int i, int j) {
        int len = j - i;
        boolean digits = false;
        for (int k = i; k < j; k++) {
            digits |= isDigit(f.charAt(k));
        }
        if (digits) {
            return xMasked(f, i, j) ? PlaceholderKind.FIGURE : null;
        }
        char c = f.charAt(i);
        if (len == 1) {
            return isUpper(c) ? PlaceholderKind.LETTER : null;
        }
        if (len > ("Xx".indexOf(c) >= 0 ? 18 : 5) || "XYZx".indexOf(c) < 0) {
            return null;
        }
        for (int k = i + 1; k < j; k++) {
            if (f.charAt(k) != c) {
                return null;
            }
        }
        return PlaceholderKind.LETTERS;
    }

    private static boolean digitsOnly(String f, int i, int j) {
        for (int k = i; k < j; k++) {
            if (!isDigit(f.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Only digits and X, at least one X, not X before digits: XX, 20XX, 11X, 1X0 (X100 and X5 are model names). */
    private static boolean xMasked(String f, int i, int j) {
        if (j - i > 1 && (f.charAt(i) == 'X' || f.charAt(i) == 'x') && isDigit(f.charAt(i + 1))) {
            return false;
        }
        boolean x = false;
        for (int k = i; k < j; k++) {
            char c = f.charAt(k);
            if (c == 'X' || c == 'x') {
                x = true;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        return x;
    }

    /**
     * The end of a closing emphasis run matching {@code [i, j)} when it opens Markdown emphasis, else 0.
     * Outside Markdown source only a run that starts a phrase counts ({@code **注意**}), not one inside
     * Chinese text ({@code 报送至**办公室王**同志处}).
     */
    private static int emphasisEnd(String f, int i, int j, boolean markdown) {
        boolean inText = i > 0 && (isHan(f.charAt(i - 1)) || isAsciiAlnum(f.charAt(i - 1)));
        if (j - i > 3 || inText && !markdown || j >= f.length() || Character.isWhitespace(f.charAt(j))) {
            return 0;
        }
        int close = near(f, f.substring(i, j), j + 1, j + 1 + NEAR);
        if (close < 0 || f.substring(j, close).indexOf('\n') >= 0 || Character.isWhitespace(f.charAt(close - 1))) {
            return 0;
        }
        int after = close + (j - i);
        return !markdown && after < f.length() && isHan(f.charAt(after)) ? 0 : after;
    }

    /** The first start of {@code run} in {@code [from, to)}, or -1; bounded so that the scan stays linear. */
    private static int near(String f, String run, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, f.length()); k++) {
            if (f.startsWith(run, k)) {
                return k;
            }
        }
        return -1;
    }

    private static int add(List<Placeholder> out, Placeholder p, int next) {
        if (p == null) {
            return next;
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).end() == p.start() && out.get(last).category() == p.category()) {
            out.set(last, out.get(last).join(p));
        } else {
            out.add(p);
        }
        return p.end();
    }

    private static int symbolClass(char c) {
        return switch (c) {
            case '*' -> STAR;
            case '×', '✕', '✖' -> TIMES;
            case '○', '〇', '◯' -> CIRCLE;
            case '□' -> SQUARE;
            case '△' -> TRIANGLE;
            default -> 0;
        };
    }

    private static int alnumEnd(String f, int i) {
        int j = i;
        while (j < f.length() && isAsciiAlnum(f.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int identifierEnd(String f, int j) {
        int end = j;
        while (end + 1 < f.length() && JOINERS.indexOf(f.charAt(end)) >= 0 && isAsciiAlnum(f.charAt(end + 1))) {
            end = alnumEnd(f, end + 1);
        }
        return end;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiAlnum(char c) {
        return isDigit(c) || DeclassLexicon.isAsciiLetter(c);
    }
}
