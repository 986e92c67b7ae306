package dev.marking.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a document may be handed on (DESIGN §1.4: "规定发放范围，注明是否可以翻印和复制"): its distribution scope
 * (发放范围, {@code 发至县团级}) and whether it may be reproduced ({@code 不得翻印}). Printed as one line under the
 * first-page block and written in metadata as {@code marking.scope} and {@code marking.reproduction}.
 *
 * @param scope          the distribution scope as written, if stated
 * @param noReproduction true when the document may not be reproduced (不得翻印)
 */
public record Handling(Optional<String> scope, boolean noReproduction) {

    /** Nothing stated. */
    public static final Handling NONE = new Handling(Optional.empty(), false);

    /** The note printed and written for a document that may not be reproduced. */
    public static final String NO_REPRODUCTION = "不得翻印";

    /** Words that say "may not be reproduced" when read (we write {@link #NO_REPRODUCTION}). */
    private static final List<String> NO_COPY_WORDS = List.of("不得翻印", "不得复制", "不得翻印复制", "不准翻印");

    public Handling {
        Objects.requireNonNull(scope, "scope");
        scope = scope.map(String::strip).filter(s -> !s.isEmpty());
    }

    public boolean stated() {
        return scope.isPresent() || noReproduction;
    }

    /** The line printed with the first-page block: {@code 发至县团级　不得翻印}; empty when nothing is stated. */
    public Optional<String> line() {
        if (!stated()) {
            return Optional.empty();
        }
        String note = noReproduction ? NO_REPRODUCTION : "";
        return Optional.of(scope.map(s -> note.isEmpty() ? s : s + "\u3000" + note).orElse(note));
    }

    /** The value of {@code marking.reproduction}: {@code 不得翻印}, or empty when reproduction is not refused. */
    public Optional<String> reproduction() {
        return noReproduction ? Optional.of(NO_REPRODUCTION) : Optional.empty();
    }

    /**
     * The handling a first-page line states: a line saying 不得翻印 (or 不得复制), the rest of it being the scope,
     * or a line that starts with 发至 or 发放范围; empty for any other line.
     */
    public static Optional<Handling> ofLine(String text) {
        String t = text.strip();
        boolean noCopy = false;
        for (String w : NO_COPY_WORDS) {
            if (t.contains(w)) {
                noCopy = true;
                t = t.replace(w, " ");
            }
        }
        t = t.replaceAll("^[（(]\\s*|\\s*[）)]$", "").strip().replace('\u3000', ' ').strip();
        boolean scoped = t.startsWith("发至") || t.startsWith("发放范围") || t.startsWith("此件发至");
        if (!noCopy && !scoped) {
            return Optional.empty();
        }
        if (!scoped && !t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Handling(scoped ? Optional.of(t.replaceFirst("^发放范围[:：]\\s*", "")) : Optional.empty(),
                noCopy));
    }
}
