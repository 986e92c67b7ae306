package dev.marking.core.model;

import dev.marking.core.text.ChineseNumerals;
import dev.marking.core.text.ScriptFolding;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads national secret marks (DESIGN §1.2) in any accepted variant and says whether each is valid
 * and canonical. Full-width forms, Traditional characters (機密★5年), ☆ * ＊ or spaces for ★, spaces
 * before 年 and Chinese numerals are accepted and reported as non-canonical; terms longer than the
 * level allows, and terms that are no term at all ({@code -1}, {@code +5}, {@code 0}), are invalid.
 * Matching runs on script-folded text ({@link ScriptFolding}), so offsets and raw text quote the
 * original as written.
 */
public final class MarkingParser {

    private static final String STARS = "★☆*＊";
    static final String NUMBER = "(?<n>\\d{1,4}|[零一二三四五六七八九十两〇]{1,3})\\s*(?<unit>年|个月|月)";
    static final String DATE = "(?<y>\\d{4})\\s*(?:年\\s*(?<mo>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日"
            + "|-(?<isoMo>\\d{1,2})-(?<isoD>\\d{1,2}))";
    static final String TERM = "(?:" + DATE + "|" + NUMBER + "|(?<long>长期))";
    /** What may follow ★ as a 解密条件: up to a separator, a closing quote or bracket, or a copy number. */
    private static final String CONDITION = "(?<cond>(?!第)[^\\s,.;:，。；：、”’」』）)》】\"'" + STARS + "]{1,40})";
    private static final String PREFIX = "(?:密\\s*级\\s*[:：]?\\s*)?";
    /** 秘密 inside 工作秘密 or a company's 核心秘密 is not the state level 秘密. */
    private static final String NOT_INSIDE = "(?<!工作|核心|重要|一般|商业|国家)";

    private final Map<String, Level> levels;
    private final boolean allowLongTerm;
    private final Script script;
    private final Pattern starred;
    private final Pattern leading;
    private final Pattern bare;
    private final LabelledForms labelled;

    /** A parser that knows the levels of {@code schemes}, with Simplified marks canonical. */
    public MarkingParser(List<Scheme> schemes, boolean allowLongTerm) {
        this(schemes, allowLongTerm, Script.SIMPLIFIED);
    }

    /**
     * A parser that knows the levels of {@code schemes}; {@code allowLongTerm} permits 长期 for the top
     * level; {@code script} is the script a canonical mark is written in.
     */
    public MarkingParser(List<Scheme> schemes, boolean allowLongTerm, Script script) {
        Map<String, Level> byName = new LinkedHashMap<>();
        for (Scheme s : schemes) {
            for (Level l : s.levels()) {
                byName.putIfAbsent(ScriptFolding.fold(l.name()), l);
            }
            s.aliases().forEach((alias, name) -> s.level(name)
                    .ifPresent(l -> byName.putIfAbsent(ScriptFolding.fold(alias), l)));
        }
        this.levels = byName;
        this.allowLongTerm = allowLongTerm;
        this.script = script;
        String names = byName.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|", NOT_INSIDE + "(?<level>", ")"));
        this.starred = Pattern.compile(PREFIX + names + "\\s*(?<star>[" + STARS + "])\\s*(?:" + TERM + "|" + CONDITION
                + ")?");
        this.leading = Pattern.compile("^\\s*" + PREFIX + names + "\\s*" + TERM);
        this.bare = Pattern.compile("^\\s*" + PREFIX + names + "\\s*$");
        this.labelled = new LabelledForms(this, names);
    }

    /** A parser for the built-in schemes, 长期 allowed for 绝密. */
    public static MarkingParser standard() {
        return new MarkingParser(Scheme.BUILT_IN, true);
    }

    /** The script canonical marks are written in. */
    public Script script() {
        return script;
    }

    /** The level with this name or alias, in either script, if known. */
    public Optional<Level> level(String name) {
        return Optional.ofNullable(levels.get(ScriptFolding.fold(name.strip())));
    }

    /**
     * All marks in {@code text}: starred marks anywhere, an unstarred {@code 机密 5年} or a bare level
     * only when it starts the text (a line or header), so prose such as 保守国家秘密 is not a mark.
     */
    public List<ParsedMark> findAll(String text) {
        String folded = ScriptFolding.fold(text);
        List<ParsedMark> marks = new ArrayList<>();
        Matcher m = starred.matcher(folded);
        while (m.find()) {
            marks.add(toMark(text, m));
        }
        if (marks.isEmpty()) {
            Matcher lead = leading.matcher(folded);
            Matcher b = bare.matcher(folded);
            if (lead.find()) {
                marks.add(toMark(text, lead));
            } else if (b.find()) {
                marks.add(toMark(text, b));
            }
        }
        return marks;
    }

    /** The first mark in {@code text}. */
    public Optional<ParsedMark> find(String text) {
        List<ParsedMark> all = findAll(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Parses {@code text} as a whole mark (e.g. a {@code --level}/{@code --term} pair already joined). */
    public Optional<ParsedMark> parse(String text) {
        return find(text).filter(p -> p.raw().strip().length() == text.strip().length());
    }

    /**
     * A mark written as form fields over consecutive lines or table cells: {@code 密级：机密} (or
     * {@code 密级 | 机密}) with {@code 保密期限：5年}, {@code 解密时间} or {@code 定密日期} on the same or the
     * next lines. Empty when {@code lines} have no 密级 field.
     */
    public Optional<LabelledMark> findLabelled(List<String> lines) {
        return labelled.find(lines);
    }

    private ParsedMark toMark(String original, Matcher m) {
        int start = m.start("level");
        int end = m.end();
        String raw = original.substring(m.start(), end).strip();
        String levelText = m.group("level");
        Level level = levels.get(levelText);
        List<Message> errors = new ArrayList<>();
        boolean hasStar = hasGroup(m, "star");
        Term term = readTerm(m, level, errors);
        String canonical = canonical(levelText, level, term, hasStar);
        boolean noncanonical = !original.substring(start, end).strip().equals(canonical);
        return mark(raw, start, end, level, term, canonical, noncanonical, errors);
    }

    /** The parsed mark for a level and term already read; adds the checks every mark gets. */
    ParsedMark mark(String raw, int start, int end, Level level, Term term, String canonical, boolean noncanonical,
            List<Message> errors) {
        if (!level.classified() && !(term instanceof Term.Unstated)) {
            errors.add(Message.of("parse.unclassified-term", level.name()));
        }
        checkMaximum(level, term, errors);
        Marking marking = Marking.of(level, errors.isEmpty() ? term : new Term.Unstated());
        return new ParsedMark(raw, start, end, Optional.of(marking), canonical, noncanonical, errors);
    }

    /** The level a folded level text names. */
    Level levelOf(String foldedName) {
        return levels.get(foldedName);
    }

    /** The term in the groups of {@code m} (a {@link #TERM} or {@link #CONDITION} match); errors say what is wrong. */
    Term readTerm(Matcher m, Level level, List<Message> errors) {
        if (hasGroup(m, "y")) {
            String mo = hasGroup(m, "mo") ? m.group("mo") : m.group("isoMo");
            String d = hasGroup(m, "d") ? m.group("d") : m.group("isoD");
            try {
                return new Term.Until(LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(mo),
                        Integer.parseInt(d)));
            } catch (DateTimeException e) {
                errors.add(Message.of("parse.bad-date", m.group("y") + "年" + mo + "月" + d + "日"));
                return new Term.Unstated();
            }
        }
        if (hasGroup(m, "n")) {
            return readNumber(m.group("n"), m.group("unit"), errors);
        }
        if (hasGroup(m, "long")) {
            if (!allowLongTerm || level.rank() != 0 || !"state".equals(level.scheme())) {
                errors.add(Message.of("parse.long-term", level.name()));
            }
            return new Term.LongTerm();
        }
        if (hasGroup(m, "cond")) {
            return condition(m.group("cond"), errors);
        }
        return new Term.Unstated();
    }

    /** A 解密条件 in words; anything else after ★ ({@code -1}, {@code +5}, {@code 0}, {@code 5}) is no term. */
    static Term condition(String text, List<Message> errors) {
        if (!Term.Condition.plausible(text)) {
            errors.add(Message.of("parse.bad-term", text));
            return new Term.Unstated();
        }
        return new Term.Condition(text);
    }

    private static Term readNumber(String n, String unit, List<Message> errors) {
        OptionalInt value = ChineseNumerals.isNumeral(n) ? ChineseNumerals.parse(n) : OptionalInt.of(Integer.parseInt(n));
        if (value.isEmpty() || value.getAsInt() == 0) {
            errors.add(Message.of("parse.bad-number", n + unit));
            return new Term.Unstated();
        }
        return "年".equals(unit) ? new Term.Years(value.getAsInt()) : new Term.Months(value.getAsInt());
    }

    private static void checkMaximum(Level level, Term term, List<Message> errors) {
        if (level.maxTermYears().isEmpty() || term.inMonths().isEmpty()) {
            return;
        }
        int max = level.maxTermYears().get();
        if (term.inMonths().get() > max * 12) {
            errors.add(Message.of("parse.too-long", term.canonical(), level.name(), String.valueOf(max)));
        }
    }

    /** The canonical mark, in this parser's script, for a level written as {@code levelText} (folded). */
    String canonical(String levelText, Level level, Term term, boolean hasStar) {
        if (!level.classified()) {
            return script.write(levelText);
        }
        if (term instanceof Term.Unstated) {
            return script.write(hasStar ? levelText + Marking.STAR : levelText);
        }
        return script.write(levelText + Marking.STAR + term.canonical());
    }

    static boolean hasGroup(Matcher m, String name) {
        try {
            return m.group(name) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
