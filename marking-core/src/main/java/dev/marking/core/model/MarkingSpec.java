package dev.marking.core.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a marking from what a user types: {@code --level 机密 --term 5} (years), {@code 6个月}, {@code 2030-12-31}.
 * This is where every shell's term is validated (stamp, the Mojo, the bridge): a term the parser cannot
 * place ({@code -1}, {@code +5}, {@code -5年}, {@code 0}, {@code 99999999999999999999}, {@code 2030-02-31})
 * or one longer than the level allows gives errors, never a marking to stamp.
 */
public final class MarkingSpec {

    private static final Pattern YEARS = Pattern.compile("\\d{1,4}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private MarkingSpec() {
    }

    /**
     * The parsed mark for a level and an optional term; {@link ParsedMark#errors()} says what is wrong.
     * A level the parser does not know gives an empty marking and the error {@code spec.unknown-level}.
     */
    public static ParsedMark parse(MarkingParser parser, String level, String term) {
        String l = level.strip();
        if (parser.level(l).isEmpty()) {
            return new ParsedMark(level, 0, 0, Optional.empty(), level, false,
                    List.of(Message.of("spec.unknown-level", level)));
        }
        String t = term == null ? "" : term.strip();
        if (YEARS.matcher(t).matches()) {
            t = t + "年";
        } else if (ISO_DATE.matcher(t).matches()) {
            try {
                t = new Term.Until(LocalDate.parse(t)).canonical();
            } catch (DateTimeParseException e) {
                return failed(level, Message.of("parse.bad-date", t));
            }
        }
        String text = t.isEmpty() ? l : l + Marking.STAR + t;
        return parser.parse(text).map(p -> inScript(p, parser.script()))
                .orElseGet(() -> failed(text, Message.of("spec.bad-term", term)));
    }

    /** The mark to stamp, written in the policy's script. */
    private static ParsedMark inScript(ParsedMark p, Script script) {
        return new ParsedMark(p.raw(), p.start(), p.end(), p.marking().map(m -> m.withScript(script)), p.canonical(),
                p.noncanonical(), p.errors());
    }

    private static ParsedMark failed(String raw, Message why) {
        return new ParsedMark(raw, 0, 0, Optional.empty(), raw, false, List.of(why));
    }
}
