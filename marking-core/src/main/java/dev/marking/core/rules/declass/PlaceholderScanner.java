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
    private static final String HYPHENS = "-‐–";
    /** Province abbreviations that open a Chinese licence plate (粤B×××××). */
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String UNIT_ENDS = "营团旅师队";
    private static final String COUNT_MARKS = "第0123456789";
    /** Where a single symbol starts a list item or note rather than masking a name: line start, after a space or a stop. */
    private static final String ITEM_STARTS = " \t　。；;：:";
    /** How many characters may stand between 某 and the unit it hides: 某步兵师, 某舰载航空兵部队. */
    private static final int UNIT_QUALIFIER = 6;
    /** A station, depot or centre is named by a short task word (某维护分中心), not a long phrase (某股份行信用卡中心). */
    private static final int SHORT_QUALIFIER = 3;
    /** A masked number this long is an account, ID or phone number masked for privacy (6228XXXXXXXX1234). */
    private static final int MASKED_NUMBER = 7;
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
        if (i >= 2 && HYPHENS.indexOf(f.charAt(i - 1)) >= 0 && isHan(f.charAt(i - 2))) {
            return identifierEnd(f, j); // 伊斯坎德尔-M, 针-B: a letter attached to a name is part of it
        }
        if (designation(f, i, j)) {
            return identifierEnd(f, j); // an X before a dash and figures names an aircraft
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
        if (kind == PlaceholderKind.LETTER && companyLetter(f, i)) {
            return end; // 第3步兵团A连: a lettered company of a numbered unit, as foreign armies name them
        }
        if (kind == PlaceholderKind.FIGURE && end - i >= MASKED_NUMBER) {
            return add(out, new Placeholder(i, end, kind, Category.QUANTITY, null, PlaceholderUse.DE_IDENTIFICATION), end);
        }
        Placeholder p = resolve(f, i, end, kind);
        boolean named = p != null && p.category() != Category.PERSON; // 高XX度 is a figure, 李XX部队 a unit
        if (!named && xOnly(f, i, end) && surnameBefore(f, i)) {
            return add(out, new Placeholder(i - 1, end, kind, Category.PERSON, null, PlaceholderUse.DE_IDENTIFICATION), end);
        } // 李X, 孙XX, 夏xx: a personal-name pseudonym
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
        boolean alnumAfter = j < f.length() && isAsciiAlnum(f.charAt(j));
        boolean note = single && cls != TIMES && ITEM_STARTS.indexOf(before) >= 0; // a note or bullet: ＊日時は別途通知, △ 加强
        boolean dimension = single && cls == TIMES && (DIMENSIONS.indexOf(before) >= 0
                || j < f.length() && DIMENSIONS.indexOf(f.charAt(j)) >= 0); // 长×宽×高
        if (note || dimension || single && (cls == TIMES || cls == STAR) && (isAsciiAlnum(before) || alnumAfter)
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
        int plate = plateStart(f, i);
        if (plate >= 0 && !single) {
            return add(out, new Placeholder(plate, j, PlaceholderKind.SYMBOLS, Category.QUANTITY, null,
                    PlaceholderUse.DE_IDENTIFICATION), j); // 粤B×××××: a licence plate masked for privacy
        }
        // a lone × between words masks a name (×型, 王×): multiplication stands between figures
        PlaceholderKind kind = single && cls != TIMES ? PlaceholderKind.SYMBOL : PlaceholderKind.SYMBOLS;
        Placeholder p = resolve(f, i, j, kind);
        if (p == null && kind.strong()) {
            String run = f.substring(i, j);
            boolean paired = near(f, run, j, j + NEAR) >= 0 || near(f, run, i - NEAR, i - run.length() + 1) >= 0;
            boolean alone = cls == STAR ? run.length() >= 3 || !paired : cls != SQUARE && !single;
            p = bare(f, i, j, kind, alone); // 由***负责; not a ** pair, not 邮编□□□□□□ (a form) or □□□□ (lost characters)
        }
        int digits = i;
        while (p != null && digits > 0 && isDigit(f.charAt(digits - 1))) {
            digits--; // 20××年: the visible digits belong to the masked figure
        }
        if (p != null && digits < i) {
            p = p.from(digits);
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
        if (lexicon.allowedOverlaps(f, i, e)) {
            return e; // 某些, 某种 are ordinary words
        }
        PlaceholderKind kind = twice ? PlaceholderKind.MOU_MOU : PlaceholderKind.MOU;
        Placeholder p = resolve(f, i, e, kind);
        boolean site = p != null && !twice && p.term() != null && p.term().length() >= 2 && p.category() != Category.PERSON;
        if (!site && surnameBefore(f, i)) {
            // 张某, 王某某, 冉某连 (a given name), 王某局长: how judgments anonymise a person; 甘某基地 is a site
            return add(out, new Placeholder(i - 1, e, kind, Category.PERSON, null, PlaceholderUse.DE_IDENTIFICATION), e);
        }
        Placeholder unit = p == null || !isUnit(p.context()) ? unit(f, i, e, kind) : null;
        if (unit != null && (p == null || unit.end() > p.end())) {
            p = unit; // 某步兵师, 火箭军某导弹旅: the whole unit, not 某导弹
        }
        if (p == null && twice) {
            p = bare(f, i, e, kind, true);
        }
        if (p == null) {
            ContextTerm w = lexicon.termAt(f, e);
            boolean vague = w != null && w.category() == Category.PLACE && w.weak();
            p = vague ? new Placeholder(i, e + w.text().length(), kind, Category.PLACE, w) : null; // 某地: counts only
            // where the paragraph is about a secret matter (空降兵某团在某地), not in 某地发生地震
        }
        return add(out, p, p == null ? e : Math.max(e, p.end()));
    }

    /**
     * 某 and a unit it hides, with the branch or task words between ({@code 某步兵师}, {@code 某维护分中心},
     * {@code 某舰载航空兵部队}), or null. The words between are not function words and do not start with an
     * ordinary word ({@code 某旅游团} is a tour group).
     */
    private Placeholder unit(String f, int s, int e, PlaceholderKind kind) {
        if (e < f.length() && lexicon.termAt(f, e) != null && lexicon.termAt(f, e).category() == Category.NEUTRAL) {
            return null;
        }
        for (int k = e + 1; k <= e + UNIT_QUALIFIER && k < f.length(); k++) {
            char c = f.charAt(k - 1);
            if (!isHan(c) || FUNCTION.indexOf(c) >= 0 || c == '某') {
                break;
            }
            ContextTerm before = lexicon.termAt(f, k - 1);
            if (before != null && before.category() == Category.PLACE && !before.weak()) {
                break; // 某市公安局: a place, then an office of it
            }
            if (before != null && before.category() == Category.NEUTRAL && before.text().length() >= 2) {
                continue; // 某左侧脸部: 部 in 脸部 is part of a word
            }
            ContextTerm t = lexicon.termAt(f, k);
            boolean office = t != null && t.category() == Category.ORGANISATION;
            if (t != null && isUnit(t) && !(office && k - e > SHORT_QUALIFIER)
                    && !lexicon.allowedOverlaps(f, k, k + t.text().length())) {
                int end = k + t.text().length();
                ContextTerm next = lexicon.termAt(f, end);
                boolean stacked = "军".equals(t.text()) && next != null && next.category() == Category.MILITARY && !next.weak();
                return new Placeholder(s, stacked ? end + next.text().length() : end, kind, t.category(),
                        stacked ? next : t); // 某红军师: 军 then 师
            } else if (f.charAt(k) == '队' && k - e >= 2) {
                return new Placeholder(s, k + 1, kind, Category.MILITARY, null); // 某测绘导航队
            }
            boolean other = t != null && !isUnit(t) && (t.category() == Category.ORGANISATION || t.category() == Category.PERSON
                    || t.category() == Category.PLACE && !t.weak());
            if (other) {
                break; // a unit is named by its branch or task (步兵, 汽车, 舰载航空兵), not by another office or title
            }
        }
        return null;
    }

    /** A unit 某 can stand in front of: a military unit or site, or a station, depot, factory or centre. */
    private static boolean isUnit(ContextTerm t) {
        if (t == null) {
            return false;
        }
        String w = t.text();
        return t.category() == Category.MILITARY && !t.weak() || t.category() == Category.ORGANISATION
                && (t.sensitive() || "部".equals(w) || w.endsWith("中心") || w.endsWith("站") || w.endsWith("所")
                || w.endsWith("厂") || w.endsWith("库"));
    }

    /**
     * True when the character before 某 at {@code i} is a surname standing alone (张某), not the end of a word
     * (南海某海域, 中国某武器) and not a place after 驻 (驻甘某基地: stationed in Gansu).
     */
    private boolean surnameBefore(String f, int i) {
        if (i == 0 || !lexicon.isNameSurname(f.charAt(i - 1))) {
            return false;
        }
        for (int k = i - 2; k >= 0 && k >= i - 3 && isHan(f.charAt(k)); k--) {
            if (f.charAt(k) == '驻') {
                return false; // 驻甘某基地, 驻米林某边防团: stationed somewhere
            }
        }
        if (UNIT_ENDS.indexOf(f.charAt(i - 1)) >= 0 && numberedBefore(f, i - 1)) {
            return false; // 第4机步师某部: an element of a numbered division
        }
        return !Words.endsWord(f, i);
    }

    private int ordinal(String f, int i, List<Placeholder> out) {
        if (lexicon.allowedOverlaps(f, i, i + 1)) {
            return i + 1; // 甲方, 乙肝, 装甲
        }
        if (i > 0 && f.charAt(i - 1) == '某' && i >= 2 && lexicon.isNameSurname(f.charAt(i - 2))) {
            return i + 1; // 王某甲, 段某乙: judgments tell two people of one surname apart
        }
        Placeholder p = resolve(f, i, i + 1, PlaceholderKind.ORDINAL);
        p = p != null ? p : enumeration(f, i, i + 1, true, false);
        if (p != null && Words.insideWord(f, i)) {
            return i + 1; // 撒丁岛, 雷丁大学, 长征三号乙: the stem is inside a name
        }
        return add(out, p, i + 1);
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
            if (kind == PlaceholderKind.LETTER && "XYZ".indexOf(f.charAt(s)) < 0) {
                return null; // A型, E型飞机, I型: a letter other than the unknowns is a type designation
            }
            end = Math.max(end, weapon);
        }
        if (lexicon.allowedOverlaps(f, s, e)) {
            return null;
        }
        if (!eligible(kind, t, f.charAt(s))) {
            boolean maskedName = t.category() == Category.PERSON && s > 0 && lexicon.isSurname(f.charAt(s - 1))
                    && (kind == PlaceholderKind.SYMBOL || kind == PlaceholderKind.LETTER);
            return maskedName ? new Placeholder(s - 1, end, kind, t.category(), t, PlaceholderUse.DE_IDENTIFICATION)
                    : null; // 王×同志
        }
        return new Placeholder(s, end, kind, t.category(), t);
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
            return new Placeholder(s, e, kind, cue, null, lexicon.personalCueEndingAt(f, k)
                    ? PlaceholderUse.DE_IDENTIFICATION : PlaceholderUse.CONCEALMENT); // 车牌号为X·XXXXX is masked for privacy
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
            return new Placeholder(s - 1, e, kind, Category.PERSON, null, PlaceholderUse.DE_IDENTIFICATION);
        }
        return aloneCounts && inChinese ? new Placeholder(s, e, kind, Category.THING, null) : null;
    }

    /** ××核电站, ××芯片厂: a name body of up to {@value #COMPOUND} characters between the placeholder and its term. */
    private Placeholder compound(String f, int s, int e, PlaceholderKind kind) {
        ContextTerm first = lexicon.termAt(f, e);
        if (first != null && first.category() == Category.NEUTRAL) {
            return null; // ××血型: an ordinary word, not a name body
        }
        for (int k = e + 1; k <= e + COMPOUND && k < f.length() && isHan(f.charAt(k - 1))
                && FUNCTION.indexOf(f.charAt(k - 1)) < 0; k++) {
            ContextTerm t = lexicon.termAt(f, k);
            if (t != null && t.category() != Category.NEUTRAL && t.category() != Category.QUANTITY && !Words.insideWord(f, k)) {
                return new Placeholder(s, k + t.text().length(), kind, t.category(), t); // not ××民营企业 (营 in 民营)
            }
        }
        return null;
    }

    /** 王**, 张××: a surname right before a masked name makes it a personal-name pseudonym. */
    private Placeholder withSurname(String f, Placeholder p) {
        boolean person = p.category() == Category.PERSON || p.category() == Category.THING;
        if (p.kind().strong() && person && p.start() > 0 && (lexicon.isSurname(f.charAt(p.start() - 1))
                || p.category() == Category.THING && surnameBefore(f, p.start()))) {
            return new Placeholder(p.start() - 1, p.end(), p.kind(), Category.PERSON, p.context(),
                    PlaceholderUse.DE_IDENTIFICATION);
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
                t.category(), t);
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

    /** True when {@code [i, j)} is only X or x: 李X, 孙XX, 夏xx. */
    private static boolean xOnly(String f, int i, int j) {
        for (int k = i; k < j; k++) {
            if (f.charAt(k) != 'X' && f.charAt(k) != 'x') {
                return false;
            }
        }
        return j > i;
    }

    /** Where a licence plate starts when the symbols at {@code i} mask its number (粤B×××××, 京A12×××), else -1. */
    private static int plateStart(String f, int i) {
        int k = i;
        while (k > 0 && i - k < 4 && (isDigit(f.charAt(k - 1)) || isUpper(f.charAt(k - 1)))) {
            k--;
        }
        boolean letter = k < i && isUpper(f.charAt(k));
        return letter && k > 0 && PROVINCES.indexOf(f.charAt(k - 1)) >= 0 ? k - 1 : -1;
    }

    /** X-37B, X.25: a lone X, a dash or dot and figures that are not masked name a model or standard. */
    private static boolean designation(String f, int i, int j) {
        if (j - i != 1 || f.charAt(i) != 'X' || j + 1 >= f.length() || "-.".indexOf(f.charAt(j)) < 0
                || !isDigit(f.charAt(j + 1))) {
            return false;
        }
        int k = alnumEnd(f, j + 1);
        return !xMasked(f, j + 1, k);
    }

    /** A capital other than X, Y, Z right after a unit of a numbered formation: 第101空降师B连, 3营C连. */
    private static boolean companyLetter(String f, int i) {
        return "XYZ".indexOf(f.charAt(i)) < 0 && i > 0 && UNIT_ENDS.indexOf(f.charAt(i - 1)) >= 0 && numberedBefore(f, i - 1);
    }

    /** True when a figure or 第 stands shortly before the unit at {@code u}: 第3步兵团, 101空降师. */
    private static boolean numberedBefore(String f, int u) {
        for (int k = u - 1; k >= 0 && k >= u - 7 && (isHan(f.charAt(k)) || isDigit(f.charAt(k))); k--) {
            if (COUNT_MARKS.indexOf(f.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
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
        if (last >= 0 && out.get(last).end() == p.start() && out.get(last).category() == p.category()
                && out.get(last).use() == p.use()) {
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
        if (c >= '\u4E00' && c <= '\u9FFF') {
            return true; // the common block, without a script look-up
        }
        return c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
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
