package dev.marking.core.model;

import dev.marking.core.text.ScriptFolding;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mark written as form fields, as in approval forms and header tables: {@code 密级：机密} or
 * {@code 密级 | 机密}, with {@code 保密期限：5年} (or {@code 解密时间}) and {@code 定密日期} on the same line or
 * the next few lines and cells. Lines are matched script-folded; the mark quotes them as written.
 */
final class LabelledForms {

    /** How many lines after the level the term and date fields may be. */
    private static final int SPAN = 4;
    private static final String END = "(?=[|｜,，;；。]|\\s{2,}|\\t|$|\\s*(?:密\\s*级|保密期限|解密|定密|份号|紧急))";
    private static final Pattern TERM_FIELD = Pattern.compile(
            "(?:保密期限|解密时间|解密日期|解密条件)\\s*[:：]?\\s*(?<value>.*?)" + END);
    private static final Pattern DATE_FIELD = Pattern.compile("(?:定密日期|定密时间)\\s*[:：]?\\s*(?<value>.*?)" + END);
    private static final Pattern TERM_VALUE = Pattern.compile("^\\s*" + MarkingParser.TERM + "\\s*$");
    private static final Pattern DATE_VALUE = Pattern.compile("^\\s*" + MarkingParser.DATE + "\\s*$");

    private final MarkingParser parser;
    private final Pattern levelField;
    private final Pattern levelValue;

    LabelledForms(MarkingParser parser, String levelNames) {
        this.parser = parser;
        this.levelField = Pattern.compile("密\\s*级\\s*[:：]?\\s*(?:" + levelNames + "(?![★☆*\\p{IsHan}])|$)");
        this.levelValue = Pattern.compile("^\\s*" + levelNames + "\\s*$");
    }

    Optional<LabelledMark> find(List<String> lines) {
        List<String> folded = lines.stream().map(ScriptFolding::fold).toList();
        for (int i = 0; i < folded.size(); i++) {
            Matcher label = levelField.matcher(folded.get(i));
            if (!label.find()) {
                continue;
            }
            Optional<Field> level = level(folded, i, label);
            if (level.isPresent()) {
                return Optional.of(read(lines, folded, i, label.start(), level.get()));
            }
        }
        return Optional.empty();
    }

    /** Where the level is: after the label on its line, or alone on the next non-blank line (a table cell). */
    private Optional<Field> level(List<String> folded, int line, Matcher label) {
        if (MarkingParser.hasGroup(label, "level")) {
            return Optional.of(new Field(line, label.start("level"), label.end("level")));
        }
        int next = nextNonBlank(folded, line + 1);
        if (next < 0) {
            return Optional.empty();
        }
        Matcher v = levelValue.matcher(folded.get(next));
        return v.find() ? Optional.of(new Field(next, v.start("level"), v.end("level"))) : Optional.empty();
    }

    private LabelledMark read(List<String> lines, List<String> folded, int first, int labelStart, Field level) {
        String levelText = folded.get(level.line()).substring(level.start(), level.end());
        Level l = parser.levelOf(levelText);
        List<Message> errors = new ArrayList<>();
        Term term = new Term.Unstated();
        String termWritten = "";
        LocalDate issued = null;
        int last = level.line();
        int stop = Math.min(folded.size() - 1, level.line() + SPAN);
        for (int k = level.line(); k <= stop; k++) {
            int from = k == level.line() ? level.end() : 0;
            if (k > level.line() && levelField.matcher(folded.get(k)).find()) {
                break; // the next form's 密级
            }
            Optional<Field> t = value(TERM_FIELD, folded, k, from);
            if (t.isPresent() && termWritten.isEmpty()) {
                termWritten = t.get().text(lines).strip();
                term = term(t.get().text(folded), l, errors);
                last = Math.max(last, t.get().line());
            }
            Optional<Field> d = value(DATE_FIELD, folded, k, from);
            if (d.isPresent() && issued == null) {
                issued = date(d.get().text(folded), errors);
                last = Math.max(last, d.get().line());
            }
        }
        String canonical = parser.canonical(levelText, l, term, false);
        String levelWritten = lines.get(level.line()).substring(level.start(), level.end());
        boolean noncanonical = !levelWritten.equals(parser.script().write(levelText))
                || !termWritten.isEmpty() && !termWritten.equals(parser.script().write(term.canonical()));
        StringBuilder raw = new StringBuilder();
        for (int k = first; k <= last; k++) {
            String part = (k == first ? lines.get(k).substring(labelStart) : lines.get(k)).strip();
            raw.append(raw.length() > 0 && !part.isEmpty() ? " " : "").append(part);
        }
        ParsedMark p = parser.mark(raw.toString(), labelStart, lines.get(first).length(), l, term, canonical,
                noncanonical, errors);
        if (issued != null && p.marking().isPresent()) {
            p = new ParsedMark(p.raw(), p.start(), p.end(), Optional.of(p.marking().get().withIssued(issued)),
                    p.canonical(), p.noncanonical(), p.errors());
        }
        return new LabelledMark(p, first, last);
    }

    /** The value of a field on line {@code k} from {@code from}: after its label, or the next line when empty there. */
    private static Optional<Field> value(Pattern field, List<String> folded, int k, int from) {
        Matcher m = field.matcher(folded.get(k));
        m.region(from, folded.get(k).length());
        if (!m.find()) {
            return Optional.empty();
        }
        if (!m.group("value").isBlank()) {
            return Optional.of(new Field(k, m.start("value"), m.end("value")));
        }
        int next = nextNonBlank(folded, k + 1);
        return next < 0 ? Optional.empty() : Optional.of(new Field(next, 0, folded.get(next).length()));
    }

    private Term term(String value, Level level, List<Message> errors) {
        Matcher m = TERM_VALUE.matcher(value);
        return m.find() ? parser.readTerm(m, level, errors) : MarkingParser.condition(value.strip(), errors);
    }

    private static LocalDate date(String value, List<Message> errors) {
        Matcher m = DATE_VALUE.matcher(value);
        if (!m.find()) {
            return null;
        }
        String mo = m.group("mo") != null ? m.group("mo") : m.group("isoMo");
        String d = m.group("d") != null ? m.group("d") : m.group("isoD");
        try {
            return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(mo), Integer.parseInt(d));
        } catch (DateTimeException e) {
            errors.add(Message.of("parse.bad-date", m.group("y") + "年" + mo + "月" + d + "日"));
            return null;
        }
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int k = from; k < lines.size() && k <= from + 1; k++) {
            if (!lines.get(k).isBlank()) {
                return k;
            }
        }
        return -1;
    }

    /** A span of one line. */
    private record Field(int line, int start, int end) {
        String text(List<String> lines) {
            return lines.get(line).substring(start, end);
        }
    }
}
