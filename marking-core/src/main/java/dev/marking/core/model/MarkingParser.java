package dev.marking.core.model;

import dev.marking.core.text.ChineseNumerals;
import dev.marking.core.text.Widths;
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
 * and canonical. Full-width forms, ☆ * ＊ or spaces for ★, spaces before 年 and Chinese numerals are
 * accepted and reported as non-canonical; terms longer than the level allows are invalid.
 */
public final class MarkingParser {

    private static final String STARS = "★☆*＊";
    private static final String NUMBER = "(?<n>\\d{1,4}|[零一二三四五六七八九十两〇]{1,3})\\s*(?<unit>年|个月|個月|月)";
    private static final String DATE = "(?<y>\\d{4})\\s*年\\s*(?<mo>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日";
    private static final String TERM = "(?:" + DATE + "|" + NUMBER + "|(?<long>长期))";
    private static final String PREFIX = "(?:密级\\s*[:：]\\s*)?";
    /** 秘密 inside 工作秘密 or a company's 核心秘密 is not the state level 秘密. */
    private static final String NOT_INSIDE = "(?<!工作|核心|重要|一般|商业|国家)";

    private final Map<String, Level> levels;
    private final boolean allowLongTerm;
    private final Pattern starred;
    private final Pattern leading;
    private final Pattern bare;

    /** A parser that knows the levels of {@code schemes}; {@code allowLongTerm} permits 长期 for the top level. */
    public MarkingParser(List<Scheme> schemes, boolean allowLongTerm) {
        Map<String, Level> byName = new LinkedHashMap<>();
        for (Scheme s : schemes) {
            for (Level l : s.levels()) {
                byName.putIfAbsent(l.name(), l);
            }
            s.aliases().forEach((alias, name) -> s.level(name).ifPresent(l -> byName.putIfAbsent(alias, l)));
        }
        this.levels = byName;
        this.allowLongTerm = allowLongTerm;
        String names = byName.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|", NOT_INSIDE + "(?<level>", ")"));
        String cond = "(?<cond>(?!第)[^\\s,.;:，。；：、" + STARS + "]{2,40})";
        this.starred = Pattern.compile(PREFIX + names + "\\s*(?<star>[" + STARS + "])\\s*(?:" + TERM + "|" + cond + ")?");
        this.leading = Pattern.compile("^\\s*" + PREFIX + names + "\\s*" + TERM);
        this.bare = Pattern.compile("^\\s*" + PREFIX + names + "\\s*$");
    }

    /** A parser for the built-in schemes, 长期 allowed for 绝密. */
    public static MarkingParser standard() {
        return new MarkingParser(Scheme.BUILT_IN, true);
    }

    /** The level with this name or alias, if known. */
    public Optional<Level> level(String name) {
        return Optional.ofNullable(levels.get(name));
    }

    /**
     * All marks in {@code text}: starred marks anywhere, an unstarred {@code 机密 5年} or a bare level
     * only when it starts the text (a line or header), so prose such as 保守国家秘密 is not a mark.
     */
    public List<ParsedMark> findAll(String text) {
        String folded = Widths.fold(text);
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
        if (!level.classified() && !(term instanceof Term.Unstated)) {
            errors.add(Message.of("parse.unclassified-term", levelText));
        }
        checkMaximum(level, term, errors);
        boolean noncanonical = !original.substring(start, end).strip().equals(canonical);
        Marking marking = Marking.of(level, errors.isEmpty() ? term : new Term.Unstated());
        return new ParsedMark(raw, start, end, Optional.of(marking), canonical, noncanonical, errors);
    }

    private Term readTerm(Matcher m, Level level, List<Message> errors) {
        if (hasGroup(m, "y")) {
            try {
                return new Term.Until(LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("mo")),
                        Integer.parseInt(m.group("d"))));
            } catch (DateTimeException e) {
                errors.add(Message.of("parse.bad-date", m.group("y") + "年" + m.group("mo") + "月" + m.group("d") + "日"));
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
            return new Term.Condition(m.group("cond"));
        }
        return new Term.Unstated();
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

    private static String canonical(String levelText, Level level, Term term, boolean hasStar) {
        if (!level.classified()) {
            return levelText;
        }
        if (term instanceof Term.Unstated) {
            return hasStar ? levelText + Marking.STAR : levelText;
        }
        return levelText + Marking.STAR + term.canonical();
    }

    private static boolean hasGroup(Matcher m, String name) {
        try {
            return m.group(name) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
